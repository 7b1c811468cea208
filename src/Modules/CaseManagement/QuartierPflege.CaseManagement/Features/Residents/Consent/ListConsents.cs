using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Domain;

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
    string? WithdrawnByName,
    LocalDate? WithdrawnOn = null,
    ConsentForm? WithdrawalForm = null);

internal sealed record ResidentConsents(Guid ResidentId, string ResidentName, IReadOnlyList<ConsentItem> Consents, bool HasOpenCase = false);

internal sealed class ListConsents(IQuerySession session, CaseAccess access, AuditTrail audit)
{
    /// <summary>All consents of a resident, active first, for those who may see the resident. The read is audited.</summary>
    public async Task<Outcome<ResidentConsents>> HandleAsync(Guid residentId, Guid? caseId, CancellationToken cancellationToken)
    {
        var name = (await session.LoadAsync<Resident>(residentId, cancellationToken))?.DisplayName;
        if (name is null)
        {
            return Outcome<ResidentConsents>.NotFound(GetResident.NotFoundMessage);
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<ResidentConsents>.Denied(GetResident.NotFoundMessage);
        }

        var consents = (await session.Query<Consent>().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken))
            .OrderBy(c => !c.IsActive).ThenByDescending(c => c.GivenOn).ThenByDescending(c => c.RecordedAt)
            .ToList();
        await audit.SaveReadAsync("Consent", residentId, $"Einwilligungen angesehen: {name}", residentId, caseId, cancellationToken);
        var hasOpenCase = await session.Query<Case>().AnyAsync(c => c.ResidentId == residentId && c.Status != CaseStatus.Closed, cancellationToken);
        return Outcome<ResidentConsents>.Done(new ResidentConsents(residentId, name, [.. consents.Select(c => new ConsentItem(c.Id, c.Purpose, ConsentRules.Describe(c),
            c.PartnerId, c.PartnerName, c.ServiceCategory, c.GivenOn, c.Form, c.WitnessName, c.RecordedByName, c.RecordedAt, c.IsActive,
            c.WithdrawnAt, c.WithdrawnByName, c.WithdrawnOn, c.WithdrawalForm))], hasOpenCase));
    }
}
