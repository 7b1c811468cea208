using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

/// <summary>
/// A resident's data as entered when creating or editing. Relatives travel with it: one with an id is edited, one
/// without is added, and one no longer listed is removed. <see cref="Version"/> is required when editing.
/// <see cref="CreateDespiteDuplicates"/>: the person creating confirmed that the residents offered as possible
/// duplicates are others.
/// </summary>
internal sealed record SaveResidentRequest(
    string? FirstName,
    string? LastName,
    LocalDate? DateOfBirth,
    string? Street,
    string? HouseNumber,
    string? Flat,
    string? PostalCode,
    string? City,
    string? Quartier,
    string? Phone,
    CareLevel? CareLevel,
    string? TenancyNumber,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<RelativeInput>? Relatives,
    int? Version = null,
    bool CreateDespiteDuplicates = false);

internal sealed record RelativeInput(Guid? Id, string? Name, string? Role, string? Phone, bool MayBeContacted);

internal sealed partial class SaveResidentRequestValidator : AbstractValidator<SaveResidentRequest>
{
    /// <summary>Nobody we support was born before this; an earlier date is a typing error.</summary>
    public static readonly LocalDate EarliestBirth = new(1900, 1, 1);

    public SaveResidentRequestValidator(IClock clock, IQuartierList quartiere)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        Text(RuleFor(r => r.FirstName), "den Vornamen", 100, required: true);
        Text(RuleFor(r => r.LastName), "den Nachnamen", 100, required: true);
        RuleFor(r => r.DateOfBirth).NotNull().WithMessage("Bitte geben Sie das Geburtsdatum ein.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Das Geburtsdatum darf nicht in der Zukunft liegen.")
            .Must(d => d is null || d >= EarliestBirth).WithMessage("Das Geburtsdatum ist nicht plausibel (vor 1900).");
        Text(RuleFor(r => r.Street), "die Straße", 150, required: true);
        Text(RuleFor(r => r.HouseNumber), "die Hausnummer", 20, required: true);
        Text(RuleFor(r => r.Flat), "die Wohnung", 50, required: false);
        RuleFor(r => r.PostalCode).NotEmpty().WithMessage("Bitte geben Sie die Postleitzahl ein.")
            .Matches(PostalCodePattern()).WithMessage("Die Postleitzahl hat genau fünf Ziffern.");
        Text(RuleFor(r => r.City), "den Ort", 100, required: true);
        Text(RuleFor(r => r.Quartier), "das Quartier", 100, required: true);
        // Only the managed list: free text would split "Döbeln Nord" from "Döbeln-Nord" in every filter and count.
        RuleFor(r => r.Quartier)
            .MustAsync(async (q, ct) => string.IsNullOrWhiteSpace(q) || await quartiere.FindAsync(q.Trim(), ct) is { Active: true })
            .WithMessage("Bitte wählen Sie ein Quartier aus der Liste (die Koordination pflegt sie).");
        Text(RuleFor(r => r.Phone), "die Telefonnummer", 50, required: false);
        Phone(RuleFor(r => r.Phone));
        RuleFor(r => r.CareLevel).NotNull().WithMessage("Bitte wählen Sie den Pflegegrad (oder „kein Pflegegrad“).")
            .IsInEnum().WithMessage("Bitte wählen Sie einen Pflegegrad aus der Liste.");
        Text(RuleFor(r => r.TenancyNumber), "die Mitglieds- bzw. Mietvertragsnummer", 50, required: false);
        RuleFor(r => r.Languages).Must(l => l is null || l.Count <= 10).WithMessage("Bitte geben Sie höchstens 10 Sprachen an.");
        RuleForEach(r => r.Languages)
            .NotEmpty().WithMessage("Bitte lassen Sie keine Sprache leer.")
            .MaximumLength(50).WithMessage("Eine Sprache darf höchstens 50 Zeichen lang sein.");
        RuleFor(r => r.Relatives).Must(l => l is null || l.Count <= 20).WithMessage("Bitte geben Sie höchstens 20 Angehörige an.");
        RuleForEach(r => r.Relatives).ChildRules(relative =>
        {
            Text(relative.RuleFor(x => x.Name), "den Namen", 200, required: true);
            Text(relative.RuleFor(x => x.Role), "die Beziehung (z. B. Tochter)", 100, required: true);
            Text(relative.RuleFor(x => x.Phone), "die Telefonnummer", 50, required: false);
            Phone(relative.RuleFor(x => x.Phone));
        });
    }

    private static void Text<T>(IRuleBuilder<T, string?> rule, string what, int maxLength, bool required)
    {
        if (required)
        {
            rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"Bitte geben Sie {what} ein.");
        }

        rule.Must(v => v is null || v.Trim().Length <= maxLength).WithMessage($"Höchstens {maxLength} Zeichen erlaubt.");
    }

    private static void Phone<T>(IRuleBuilder<T, string?> rule)
        => rule.Must(v => string.IsNullOrWhiteSpace(v) || (PhonePattern().IsMatch(v.Trim()) && v.Count(char.IsAsciiDigit) >= 6))
            .WithMessage("Bitte geben Sie eine Telefonnummer aus Ziffern ein (Leerzeichen, +, /, - und Klammern sind erlaubt), z. B. 03431 712345.");

    /// <summary>A phone number's characters (with at least six digits, checked beside it), written with the usual separators.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ()/\-]+$")]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{5}$")]
    private static partial System.Text.RegularExpressions.Regex PostalCodePattern();
}

internal static class ResidentTexts
{
    public static string Describe(CareLevel level) => level switch
    {
        CareLevel.None => "kein Pflegegrad",
        _ => $"Pflegegrad {(int)level}",
    };

    /// <summary>Empty optional text is stored as null, so "no flat" looks the same whichever way it was entered.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Apply(this SaveResidentRequest request, Resident resident)
    {
        resident.FirstName = request.FirstName!.Trim();
        resident.LastName = request.LastName!.Trim();
        resident.DateOfBirth = request.DateOfBirth!.Value;
        resident.Street = request.Street!.Trim();
        resident.HouseNumber = request.HouseNumber!.Trim();
        resident.Flat = Optional(request.Flat);
        resident.PostalCode = request.PostalCode!.Trim();
        resident.City = request.City!.Trim();
        resident.Quartier = request.Quartier!.Trim();
        resident.Phone = Optional(request.Phone);
        resident.CareLevel = request.CareLevel!.Value;
        resident.TenancyNumber = Optional(request.TenancyNumber);
        resident.Languages = [.. (request.Languages ?? []).Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
