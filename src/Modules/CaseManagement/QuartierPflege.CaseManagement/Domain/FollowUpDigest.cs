using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>Remembers that a case manager's reminder digest for a day was sent, so that the same day never sends twice.</summary>
internal sealed class FollowUpDigest
{
    public LocalDate OnDate { get; init; }

    public Guid CaseManagerId { get; init; }

    public int ItemCount { get; init; }

    public Instant SentAt { get; init; }
}
