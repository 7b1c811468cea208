using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

internal sealed record ConsentItem(
    Guid Id,
    ConsentPurpose Purpose,
    string Description,
    Guid? PartnerId,
    string? PartnerName,
    string? ServiceCategory,
    LocalDate GivenOn,
    ConsentForm Form,
    string? WitnessName,
    string RecordedByName,
    Instant RecordedAt,
    bool Active,
    Instant? WithdrawnAt,
    string? WithdrawnByName);

internal sealed record ResidentConsents(Guid ResidentId, string ResidentName, IReadOnlyList<ConsentItem> Consents);

internal sealed class ListConsents(CaseManagementDbContext db, AuditTrail audit)
{
    /// <summary>All consents of a resident, active first, or null when there is no such resident. The read is audited.</summary>
    public async Task<ResidentConsents?> HandleAsync(Guid residentId, Guid? caseId, CancellationToken cancellationToken)
    {
        var name = await db.Residents.Where(r => r.Id == residentId).Select(r => r.FirstName + " " + r.LastName)
            .SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }

        var consents = await db.Consents.AsNoTracking().Where(c => c.ResidentId == residentId)
            .OrderBy(c => c.WithdrawnAt != null).ThenByDescending(c => c.GivenOn).ThenByDescending(c => c.RecordedAt)
            .ToListAsync(cancellationToken);
        await audit.SaveReadAsync("Consent", residentId, $"Einwilligungen angesehen: {name}", residentId, caseId, cancellationToken);
        return new ResidentConsents(residentId, name, [.. consents.Select(c => new ConsentItem(c.Id, c.Purpose, ConsentRules.Describe(c),
            c.PartnerId, c.PartnerName, c.ServiceCategory, c.GivenOn, c.Form, c.WitnessName, c.RecordedByName, c.RecordedAt, c.IsActive,
            c.WithdrawnAt, c.WithdrawnByName))]);
    }
}
