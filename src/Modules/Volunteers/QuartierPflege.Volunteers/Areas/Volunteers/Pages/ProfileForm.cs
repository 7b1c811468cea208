using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.Registration;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>The registration and profile form as the browser posts it (dates as text, lists as checkboxes).</summary>
internal sealed class ProfileForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Street { get; set; }

    public string? HouseNumber { get; set; }

    public string? Flat { get; set; }

    public string? Quartier { get; set; }

    /// <summary>yyyy-mm-dd from a date field, or 1.2.1960 typed.</summary>
    public string? BirthDate { get; set; }

    public string? Languages { get; set; }

    public List<string> Availability { get; set; } = [];

    public string? Skills { get; set; }

    public int? Version { get; set; }

    /// <summary>Left empty by people; a script filling every field gives itself away.</summary>
    public string? Website { get; set; }

    public ProfileInput ToInput() => new(FirstName, LastName, Email, Phone, Street, HouseNumber, Flat, Quartier, ParseDate(BirthDate),
        [.. (Languages ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], Availability, Skills, Version);

    public static ProfileForm Of(VolunteerView v) => new()
    {
        FirstName = v.FirstName, LastName = v.LastName, Email = v.Email, Phone = v.Phone, Street = v.Street, HouseNumber = v.HouseNumber, Flat = v.Flat,
        Quartier = v.Quartier, BirthDate = GermanDates.InputValue(v.BirthDate),
        Languages = string.Join(", ", v.Languages), Availability = [.. v.Availability], Skills = v.Skills, Version = v.Version,
    };

    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return GermanDates.TryParseInput(text, out var date) ? date : LocalDate.MinIsoValue;
    }

    public static IReadOnlyList<(string Key, string Name)> Days => Domain.Availability.Days;

    public static IReadOnlyList<(string Key, string Name)> Parts => Domain.Availability.Parts;
}
