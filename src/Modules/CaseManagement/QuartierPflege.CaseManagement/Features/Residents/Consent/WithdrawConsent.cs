using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

/// <summary>
/// Withdrawing is one click and takes effect at once. Withdrawing twice (a double click) changes nothing and is no
/// error: the consent stays withdrawn as of the first click.
/// </summary>
internal sealed class WithdrawConsent(IDocumentSession session, CaseAccess access, AuditTrail audit, ICurrentUser user, IClock clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid residentId, Guid consentId, CancellationToken cancellationToken)
    {
        var consent = await session.LoadAsync<Consent>(consentId, cancellationToken);
        if (consent is null || consent.ResidentId != residentId)
        {
            return Outcome<Guid>.NotFound("Die Einwilligung wurde nicht gefunden.");
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<Guid>.Denied("Die Einwilligung wurde nicht gefunden.");
        }

        if (consent.IsActive)
        {
            consent.Withdraw(clock.GetCurrentInstant(), user.Id, user.DisplayName);
            session.Update(consent);
            audit.Record(AuditAction.Update, "Consent", consent.Id, $"Einwilligung widerrufen: {ConsentRules.Describe(consent)}", residentId: residentId);
            await session.SaveChangesAsync(cancellationToken);
        }

        return Outcome<Guid>.Done(consent.Id);
    }
}
