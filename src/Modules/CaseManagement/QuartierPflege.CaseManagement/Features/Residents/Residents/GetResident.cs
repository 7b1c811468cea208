using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed record ResidentDetail(
    Guid Id,
    string FirstName,
    string LastName,
    LocalDate DateOfBirth,
    string Street,
    string HouseNumber,
    string? Flat,
    string PostalCode,
    string City,
    string Quartier,
    string? Phone,
    CareLevel CareLevel,
    string? TenancyNumber,
    IReadOnlyList<string> Languages,
    IReadOnlyList<RelativeDetail> Relatives,
    IReadOnlyList<ResidentCase> Cases,
    int Version)
{
    public string DisplayName => $"{FirstName} {LastName}";

    public string Address => Flat is null ? $"{Street} {HouseNumber}, {PostalCode} {City}" : $"{Street} {HouseNumber} ({Flat}), {PostalCode} {City}";
}

internal sealed record RelativeDetail(Guid Id, string Name, string Role, string? Phone, bool MayBeContacted);

/// <summary>A case of the resident that the reader may see (others stay invisible, as everywhere).</summary>
internal sealed record ResidentCase(Guid Id, string Number, CaseStatus Status, LocalDate OpenedOn);

internal sealed class GetResident(IQuerySession session, CaseAccess access, AuditTrail audit)
{
    public const string NotFoundMessage = "Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.";

    /// <summary>The resident's file for those who may see it; every read (and every refusal) is audited.</summary>
    public async Task<Outcome<ResidentDetail>> HandleAsync(Guid residentId, string purpose, CancellationToken cancellationToken)
    {
        var resident = await session.LoadAsync<Resident>(residentId, cancellationToken);
        if (resident is null)
        {
            return Outcome<ResidentDetail>.NotFound(NotFoundMessage);
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<ResidentDetail>.Denied(NotFoundMessage);
        }

        var cases = (await access.VisibleCases().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.OpenedOn)
            .Select(c => new ResidentCase(c.Id, c.Number, c.Status, c.OpenedOn))
            .ToList();
        await audit.SaveReadAsync("Resident", resident.Id, $"Bewohner:in {purpose}: {resident.DisplayName}", resident.Id, null, cancellationToken);
        return Outcome<ResidentDetail>.Done(new ResidentDetail(resident.Id, resident.FirstName, resident.LastName, resident.DateOfBirth, resident.Street,
            resident.HouseNumber, resident.Flat, resident.PostalCode, resident.City, resident.Quartier, resident.Phone,
            resident.CareLevel, resident.TenancyNumber, resident.Languages,
            [.. resident.Relatives.OrderBy(r => r.Name).Select(r => new RelativeDetail(r.Id, r.Name, r.Role, r.Phone, r.MayBeContacted))],
            cases, resident.Version));
    }
}
