using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

/// <summary>The resident form as posted: text fields, relatives as rows (empty rows are ignored, ticked ones removed).</summary>
internal sealed class ResidentForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Street { get; set; }

    public string? HouseNumber { get; set; }

    public string? Flat { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Quartier { get; set; }

    public string? Phone { get; set; }

    public string? CareLevel { get; set; }

    public string? TenancyNumber { get; set; }

    /// <summary>Comma-separated ("Deutsch, Russisch").</summary>
    public string? Languages { get; set; }

    public List<RelativeRow> Relatives { get; set; } = [];

    public int? Version { get; set; }

    /// <summary>Ticked after the possible duplicates were shown: it is another person.</summary>
    public bool CreateDespiteDuplicates { get; set; }

    /// <summary>The active Quartiere of the managed list, for the select (not posted).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<string> QuartierChoices { get; set; } = [];

    public async Task OfferQuartiereAsync(QuartierPflege.Quartiere.Contracts.IQuartierList quartiere, CancellationToken cancellationToken)
        => QuartierChoices = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];

    /// <summary>Two empty rows so that relatives can be added without JavaScript.</summary>
    public void AddEmptyRows()
    {
        Relatives.Add(new RelativeRow());
        Relatives.Add(new RelativeRow());
    }

    public static ResidentForm From(ResidentDetail resident)
    {
        var form = new ResidentForm
        {
            FirstName = resident.FirstName,
            LastName = resident.LastName,
            DateOfBirth = GermanDates.InputValue(resident.DateOfBirth),
            Street = resident.Street,
            HouseNumber = resident.HouseNumber,
            Flat = resident.Flat,
            PostalCode = resident.PostalCode,
            City = resident.City,
            Quartier = resident.Quartier,
            Phone = resident.Phone,
            CareLevel = resident.CareLevel.ToString(),
            TenancyNumber = resident.TenancyNumber,
            Languages = string.Join(", ", resident.Languages),
            Relatives = [.. resident.Relatives.Select(r => new RelativeRow
            {
                Id = r.Id,
                Name = r.Name,
                Role = r.Role,
                Phone = r.Phone,
                MayBeContacted = r.MayBeContacted,
            })],
            Version = resident.Version,
        };
        form.AddEmptyRows();
        return form;
    }

    /// <summary>The request for the use case, and for each relative sent the row it came from (for the messages).</summary>
    public (SaveResidentRequest Request, List<int> RowOfRelative) ToRequest(FormFeedback forms)
    {
        var rows = new List<int>();
        var relatives = new List<RelativeInput>();
        for (var i = 0; i < Relatives.Count; i++)
        {
            var row = Relatives[i];
            if (row.Remove || (row.Id is null && row.IsBlank))
            {
                continue;
            }

            rows.Add(i);
            relatives.Add(new RelativeInput(row.Id, row.Name, row.Role, row.Phone, row.MayBeContacted));
        }

        var request = new SaveResidentRequest(
            FirstName, LastName, forms.Date("dateOfBirth", DateOfBirth), Street, HouseNumber, Flat, PostalCode, City, Quartier, Phone,
            forms.Choice<Domain.CareLevel>("careLevel", CareLevel, "Bitte wählen Sie einen Pflegegrad aus der Liste."),
            TenancyNumber,
            [.. (Languages ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            relatives,
            Version,
            CreateDespiteDuplicates);
        return (request, rows);
    }

    /// <summary>"relatives[1].name" of the request is row 3 of the form when rows 1 and 2 were empty.</summary>
    public static Func<string, string> RowNames(List<int> rowOfRelative) => field =>
    {
        if (!field.StartsWith("relatives[", StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field[10..close], out var index) && index < rowOfRelative.Count
            ? $"relatives[{rowOfRelative[index]}]{field[(close + 1)..]}"
            : field;
    };
}

internal sealed class RelativeRow
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public bool MayBeContacted { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role) && string.IsNullOrWhiteSpace(Phone);
}
