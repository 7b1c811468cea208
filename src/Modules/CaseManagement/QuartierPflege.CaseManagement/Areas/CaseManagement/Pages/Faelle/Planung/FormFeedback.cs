using System.Globalization;
using Microsoft.AspNetCore.Http;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

/// <summary>
/// The planning pages carry several forms. Field names are the API's (camelCase, "referral.partnerId"), so the use
/// case's messages land next to their field; after a refused post only the form that was sent shows the typed values
/// and the messages. Values arrive as text: what cannot be read becomes a message of its own field.
/// </summary>
internal sealed class FormFeedback
{
    private readonly IFormCollection? _posted;

    public FormFeedback()
    {
    }

    public FormFeedback(string formId, IFormCollection posted)
    {
        FormId = formId;
        _posted = posted;
    }

    public string? FormId { get; }

    public Dictionary<string, string[]> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public bool IsActive(string formId) => FormId == formId && HasErrors;

    /// <summary>The value to show: what was typed into this form if it was refused, else the stored one.</summary>
    public string? Value(string formId, string field, string? stored = null)
        => FormId == formId && _posted is not null ? _posted[field].FirstOrDefault() : stored;

    public bool Checked(string formId, string field, bool stored = false)
        => FormId == formId && _posted is not null ? _posted[field].Contains("true") : stored;

    public string? Error(string formId, string field)
        => FormId == formId && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public IEnumerable<string> Messages(string formId)
        => FormId == formId ? Errors.SelectMany(e => e.Value).Distinct() : [];

    public static string Id(string formId, string field) => $"{formId}-{field.Replace('.', '-')}";

    public void Add(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            Errors[field] = Errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
        }
    }

    public void Add<T>(Outcome<T> outcome)
    {
        Add(outcome.Errors);
        if (outcome.Message is not null)
        {
            Add(new Dictionary<string, string[]> { [string.Empty] = [outcome.Message] });
        }
    }

    public string? Text(string field) => _posted?[field].FirstOrDefault() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public bool Bool(string field) => _posted?[field].Contains("true") == true;

    public LocalDate? Date(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (GermanDates.TryParseInput(text, out var date))
        {
            return date;
        }

        Errors[field] = ["Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ)."];
        return null;
    }

    public int? Int(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Errors[field] = ["Bitte geben Sie eine ganze Zahl ein."];
        return null;
    }

    public int? Version(string field)
        => Text(field) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public Guid? Id(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Errors[field] = ["Bitte wählen Sie einen Eintrag aus der Liste."];
        return null;
    }

    /// <summary>An enum by its name (the selects offer names); numbers and unknown names are refused.</summary>
    public TEnum? Choice<TEnum>(string field, string message)
        where TEnum : struct, Enum
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (!char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        Errors[field] = [message];
        return null;
    }
}
