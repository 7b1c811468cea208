using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// The one way a page turns a post into a use case's request and the answer back into inline messages. Form values
/// arrive as text: what cannot be read (a date typed wrongly, an unknown choice) becomes a German message of its own
/// field, and the use case's messages for that field are then left out (they would only say "missing"). Fields are
/// named as the use case names them (camelCase, "referral.partnerId").
/// <para>
/// A page with one bound form copies everything onto its <see cref="ModelStateDictionary"/> (<see cref="CopyTo{T}(Outcome{T}, ModelStateDictionary, string, Func{string, string}?)"/>).
/// A page with several forms (the plan) renders from this object instead: after a refused post only the form that was
/// sent (<see cref="FormId"/>) shows the typed values and the messages.
/// </para>
/// </summary>
public sealed class FormFeedback
{
    private const string InvalidDate = "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).";

    private readonly IFormCollection? _posted;
    private readonly HashSet<string> _unreadable = [];

    public FormFeedback()
    {
    }

    /// <summary>For a page with several forms: <paramref name="formId"/> is the one that was posted.</summary>
    public FormFeedback(string formId, IFormCollection posted)
    {
        FormId = formId;
        _posted = posted;
    }

    public string? FormId { get; }

    /// <summary>Field → messages: what could not be read, then what the use case answered.</summary>
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

    /// <summary>The HTML id of a field of a form ("referral.partnerId" in "step-3" → "step-3-referral-partnerId").</summary>
    public static string Id(string formId, string field) => $"{formId}-{field.Replace('.', '-')}";

    /// <summary>The model-state key of a use case's field on a bound property ("Input" + "dateOfBirth" → "Input.DateOfBirth").</summary>
    public static string Key(string prefix, string field)
        => field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    /// <summary>Adds a use case's answer: its field messages (not for fields that could not be read) and its message.</summary>
    public void Add<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var (field, messages) in outcome.Errors)
        {
            if (!_unreadable.Contains(field))
            {
                Errors[field] = Errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : messages;
            }
        }

        if (outcome.Kind is not OutcomeKind.Invalid && outcome.Message is not null)
        {
            Errors[string.Empty] = [outcome.Message];
        }
    }

    /// <summary>
    /// Copies what could not be read and the use case's answer onto a bound form: each field to
    /// <see cref="Key"/>(<paramref name="prefix"/>, field), renamed first by <paramref name="rename"/> (rows, for instance).
    /// </summary>
    public void CopyTo<T>(Outcome<T> outcome, ModelStateDictionary modelState, string prefix, Func<string, string>? rename = null)
        => CopyTo(outcome, modelState, field => Key(prefix, rename is null ? field : rename(field)));

    /// <summary>Copies onto a form whose fields are not one bound property: <paramref name="formKey"/> names each field's key.</summary>
    public void CopyTo<T>(Outcome<T> outcome, ModelStateDictionary modelState, Func<string, string> formKey)
    {
        Add(outcome);
        CopyTo(modelState, formKey);
    }

    /// <summary>Copies what could not be read (before any use case was asked) onto a bound form.</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix) => CopyTo(modelState, field => Key(prefix, field));

    private void CopyTo(ModelStateDictionary modelState, Func<string, string> formKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(formKey);
        foreach (var (field, messages) in Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 ? string.Empty : formKey(field), message);
            }
        }
    }

    /// <summary>The posted text of a field, trimmed; null when empty.</summary>
    public string? Text(string field) => _posted?[field].FirstOrDefault() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public bool Bool(string field) => _posted?[field].Contains("true") == true;

    public LocalDate? Date(string field) => Date(field, Text(field));

    /// <summary>A date as <c>input type="date"</c> sends it or as typed the German way (<see cref="GermanDates.TryParseInput"/>).</summary>
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

        return Unreadable<LocalDate>(field, InvalidDate);
    }

    public int? Int(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : Unreadable<int>(field, "Bitte geben Sie eine ganze Zahl ein.");
    }

    /// <summary>The revision a form was read under (a hidden field): unreadable is simply none.</summary>
    public int? Version(string field)
        => Text(field) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public Guid? Id(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        return Guid.TryParse(text, out var id) ? id : Unreadable<Guid>(field, "Bitte wählen Sie einen Eintrag aus der Liste.");
    }

    public TEnum? Choice<TEnum>(string field, string message)
        where TEnum : struct, Enum
        => Choice<TEnum>(field, Text(field), message);

    /// <summary>An enum by its name (the selects offer names); numbers and unknown names are refused.</summary>
    public TEnum? Choice<TEnum>(string field, string? text, string message)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim();
        return !char.IsAsciiDigit(name[0]) && name[0] != '-' && Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : Unreadable<TEnum>(field, message);
    }

    private T? Unreadable<T>(string field, string message)
        where T : struct
    {
        _unreadable.Add(field);
        Errors[field] = [message];
        return null;
    }
}
