using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>Remembers that a case manager's reminder digest for a day was sent, so that the same day never sends twice.</summary>
internal sealed class FollowUpDigest
{
    /// <summary>"2026-03-02/&lt;case manager id&gt;": one document per date and case manager, so a second insert of the same digest fails.</summary>
    public required string Id { get; init; }

    public LocalDate OnDate { get; init; }

    public Guid CaseManagerId { get; init; }

    public int ItemCount { get; init; }

    public Instant SentAt { get; init; }

    public static string IdOf(LocalDate date, Guid caseManagerId)
        => $"{NodaTime.Text.LocalDatePattern.Iso.Format(date)}/{caseManagerId:D}";
}
