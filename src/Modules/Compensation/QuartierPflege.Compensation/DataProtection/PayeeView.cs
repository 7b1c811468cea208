using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>A payee's bank details as finance reads them; the read log only for coordination.</summary>
internal sealed record PayeeBankDetailsView(
    Guid VolunteerId, string DisplayName, string Quartier, string? Iban, string? AccountHolder, bool HasBankDetails, IReadOnlyList<PayeeReadAudit> Reads);

/// <summary>
/// Finance's view of one payee's bank details (page and API): every read is logged, and a payee restricted after an
/// erasure is "not found".
/// </summary>
internal sealed class PayeeView(IQuerySession session, PayeeReadLog log, ICurrentUser user)
{
    public async Task<PayeeBankDetailsView?> ReadAsync(Guid volunteerId, string where, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Payee>(volunteerId, cancellationToken) is not { RestrictedUntil: null } payee)
        {
            return null;
        }

        await log.RecordAsync(volunteerId, where, cancellationToken);
        var iban = payee.Iban is { } text && Iban.TryParse(text, out var parsed, out _) ? parsed.Grouped : payee.Iban;
        var reads = user.IsInRole(Roles.Koordination) ? await log.LatestAsync(session, volunteerId, cancellationToken) : [];
        return new PayeeBankDetailsView(payee.Id, payee.DisplayName, payee.Quartier, iban, payee.AccountHolder, payee.HasBankDetails, reads);
    }
}
