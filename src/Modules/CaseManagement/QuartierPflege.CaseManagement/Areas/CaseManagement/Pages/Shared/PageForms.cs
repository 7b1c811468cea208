using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;

/// <summary>
/// Form values arrive as text; what cannot be read (a date typed wrongly, an unknown choice) becomes a message of its
/// own field, and the use case's messages are copied next to it.
/// </summary>
internal sealed class PageForms
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>Field (camelCase, as the use case names it) → message for values that could not be read.</summary>
    public Dictionary<string, string> ParseErrors { get; } = [];

    public LocalDate? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (GermanDates.TryParseInput(text, out var date))
        {
            return date;
        }

        ParseErrors[field] = "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).";
        return null;
    }

    /// <summary>An enum by its name; numbers and unknown names are refused (the select offers names only).</summary>
    public TEnum? Choice<TEnum>(string field, string? text, string message)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text.Trim(), ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0]))
        {
            return value;
        }

        ParseErrors[field] = message;
        return null;
    }

    /// <summary>Copies messages onto the form under <paramref name="prefix"/>; <paramref name="rename"/> maps a field to the form's.</summary>
    public void CopyTo<T>(Outcome<T> outcome, ModelStateDictionary modelState, string prefix, Func<string, string>? rename = null)
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            if (ParseErrors.ContainsKey(field))
            {
                continue;
            }

            foreach (var message in messages)
            {
                modelState.AddModelError(Key(prefix, rename is null ? field : rename(field)), message);
            }
        }

        foreach (var (field, message) in ParseErrors)
        {
            modelState.AddModelError(Key(prefix, field), message);
        }

        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Conflict && outcome.Message is not null)
        {
            modelState.AddModelError(string.Empty, outcome.Message);
        }
    }

    public static string Key(string prefix, string field)
        => field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    public static string Show(LocalDate date) => GermanDates.Show(date);

    public static string Show(Instant instant) => GermanDates.Show(instant);

    public static string Iso8601(LocalDate date) => Iso.Format(date);

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
}
