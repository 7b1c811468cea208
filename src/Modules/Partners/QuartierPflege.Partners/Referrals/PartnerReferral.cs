using JasperFx;
using NodaTime;

namespace QuartierPflege.Partners.Referrals;

internal enum PartnerReferralStatus
{
    Open,
    Accepted,
    Declined,
    CompletedSuccessfully,
    CompletedUnsuccessfully,
    Withdrawn,
    CaseClosed,
}

internal sealed record ReferralResident(string Name, string Street, string HouseNumber, string? Flat, string PostalCode, string City, string? Phone);

/// <summary>
/// A referral as it reached the partner (its id is the case's referral id): what was disclosed, when it must be
/// answered, and the answers staff recorded. Holds nothing the resident did not agree to disclose.
/// </summary>
internal sealed class PartnerReferral : IRevisioned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid PartnerId { get; set; }

    public string PartnerName { get; set; } = string.Empty;

    public string ServiceCategory { get; set; } = string.Empty;

    public string Quartier { get; set; } = string.Empty;

    public string DisclosedSummary { get; set; } = string.Empty;

    /// <summary>Only when the resident agreed to share them.</summary>
    public ReferralResident? Resident { get; set; }

    public LocalDate? RespondBy { get; set; }

    public Instant RequestedAt { get; set; }

    public PartnerReferralStatus Status { get; set; }

    public Instant? AnsweredAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public Instant? ClosedAt { get; set; }

    public string? ContactPerson { get; set; }

    public string? Reason { get; set; }

    /// <summary>The days a reminder went out for (one per day at most).</summary>
    public List<LocalDate> RemindedOn { get; set; } = [];

    /// <summary>The day the case closed (Case Management's message): the retention period starts here.</summary>
    public LocalDate? CaseClosedOn { get; set; }

    /// <summary>Set when the disclosed data was removed (retention or erasure): counted once, statistics fields kept.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public int Version { get; set; }

    public bool IsOpen => Status is PartnerReferralStatus.Open or PartnerReferralStatus.Accepted;

    /// <summary>Past its answer date without an answer (accepting or declining is the answer).</summary>
    public bool IsOverdueOn(LocalDate today) => Status == PartnerReferralStatus.Open && RespondBy is { } by && by < today;

    public Duration? ResponseTime => AnsweredAt is { } answered ? answered - RequestedAt : null;
}

internal static class ReferralTexts
{
    public static string Of(PartnerReferralStatus status) => status switch
    {
        PartnerReferralStatus.Open => "offen (noch keine Antwort)",
        PartnerReferralStatus.Accepted => "angenommen",
        PartnerReferralStatus.Declined => "abgelehnt",
        PartnerReferralStatus.CompletedSuccessfully => "abgeschlossen, erfolgreich",
        PartnerReferralStatus.CompletedUnsuccessfully => "abgeschlossen, ohne Erfolg",
        PartnerReferralStatus.Withdrawn => "vom Fallmanagement zurückgezogen",
        _ => "Fall abgeschlossen",
    };

    public static string Hours(Duration duration) => duration.TotalHours < 48
        ? $"{duration.TotalHours:0.#} Std."
        : $"{duration.TotalDays:0.#} Tage";
}

/// <summary>How fast a partner answers: median and 90th percentile of the answer times (nearest-rank).</summary>
internal sealed record ResponseTimes(int Count, Duration? Median, Duration? Percentile90)
{
    public static ResponseTimes Of(IEnumerable<Duration> durations)
    {
        var sorted = durations.OrderBy(d => d).ToList();
        return sorted.Count == 0
            ? new ResponseTimes(0, null, null)
            : new ResponseTimes(sorted.Count, Rank(sorted, 0.5), Rank(sorted, 0.9));
    }

    private static Duration Rank(List<Duration> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
