using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>A visit log as the browser posts it (date as text): logging a new visit and correcting one use the same fields.</summary>
internal sealed class VisitLogForm
{
    public Guid? AssignmentId { get; set; }

    public string? Date { get; set; }

    public int? Minutes { get; set; }

    public string? Kind { get; set; } = "besuch";

    /// <summary>
    /// As text: a number field posts "12.5" whatever the language, and the German request culture would bind that as 125.
    /// </summary>
    public string? Kilometres { get; set; }

    public string? Note { get; set; }

    public int? Version { get; set; }

    public LogVisitRequest ToRequest() => new(AssignmentId, ProfileForm.ParseDate(Date), Minutes, Kind, ParseKilometres(Kilometres), Note);

    /// <summary>"12.5" or "12,5"; text that is no number becomes -1, which the use case refuses with its German message.</summary>
    public static decimal? ParseKilometres(string? text)
        => string.IsNullOrWhiteSpace(text) ? null
            : decimal.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var km) ? km
            : -1;

    public static VisitLogForm Of(LogView log) => new()
    {
        AssignmentId = log.AssignmentId, Date = log.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Minutes = log.Minutes,
        Kind = log.Kind, Kilometres = log.Kilometres == 0 ? null : log.Kilometres.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Note = log.Note, Version = log.Version,
    };
}

internal sealed record VisitLogFieldsModel(VisitLogForm Form, ModelStateDictionary State);
