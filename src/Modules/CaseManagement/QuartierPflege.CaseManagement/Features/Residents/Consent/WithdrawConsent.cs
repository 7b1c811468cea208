using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

/// <summary>
/// Withdrawing is one click and takes effect at once. Withdrawing twice (a double click) changes nothing and is no
/// error: the consent stays withdrawn as of the first click.
/// </summary>
internal sealed class WithdrawConsent(CaseManagementDbContext db, AuditTrail audit, ICurrentUser user, IClock clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid residentId, Guid consentId, CancellationToken cancellationToken)
    {
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.ResidentId == residentId, cancellationToken);
        if (consent is null)
        {
            return Outcome<Guid>.NotFound("Die Einwilligung wurde nicht gefunden.");
        }

        if (consent.IsActive)
        {
            consent.Withdraw(clock.GetCurrentInstant(), user.Id, user.DisplayName);
            audit.Record(AuditAction.Update, "Consent", consent.Id, $"Einwilligung widerrufen: {ConsentRules.Describe(consent)}", residentId: residentId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<Guid>.Done(consent.Id);
    }
}
