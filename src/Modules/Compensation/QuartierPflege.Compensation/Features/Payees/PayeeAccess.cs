using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Compensation.Features.Payees;

/// <summary>
/// Which payee the signed-in person is (Volunteers knows whose account it is). A volunteer reaches only their own
/// payee; anyone else's is "not found", so nobody learns whether another volunteer is paid.
/// </summary>
internal sealed class PayeeAccess(IVolunteerDirectory directory, ICurrentUser user, IQuerySession session)
{
    public const string NotFoundMessage = "Die Auszahlungsdaten wurden nicht gefunden.";

    public bool IsFinance => user.IsInRole(Roles.Finanzen) || user.IsInRole(Roles.Koordination);

    public Task<Guid?> MyVolunteerIdAsync(CancellationToken cancellationToken) => directory.VolunteerIdOfUserAsync(user.Id, cancellationToken);

    /// <summary>True when <paramref name="volunteerId"/> is the signed-in person themselves.</summary>
    public async Task<bool> IsSelfAsync(Guid volunteerId, CancellationToken cancellationToken)
        => await MyVolunteerIdAsync(cancellationToken) == volunteerId;

    /// <summary>The signed-in volunteer's own payee, or null (not a volunteer, or not yet registered as payee).</summary>
    public async Task<Payee?> MineAsync(CancellationToken cancellationToken)
        => await MyVolunteerIdAsync(cancellationToken) is { } id ? await session.LoadAsync<Payee>(id, cancellationToken) : null;
}
