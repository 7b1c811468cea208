using NodaTime;

namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>
/// The referral of a step to a partner (Vermittlung): what was disclosed (only the summary the case manager wrote,
/// with consent) and how the partner answered. Embedded in its step.
/// </summary>
internal sealed class Referral
{
    /// <summary>The referral id on the wire (ReferralId).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid StepId { get; init; }

    public Guid PartnerId { get; init; }

    public required string PartnerName { get; init; }

    public required string ServiceCategory { get; init; }

    public required string DisclosedSummary { get; set; }

    public bool ContactDetailsDisclosed { get; init; }

    public LocalDate? RespondBy { get; init; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;

    public Instant SentAt { get; init; }

    /// <summary>When the partner accepted or declined (response time = this − <see cref="SentAt"/>).</summary>
    public Instant? AnsweredAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public string? ContactPerson { get; set; }

    /// <summary>The reason of a decline, of an (un)successful completion or of a withdrawal.</summary>
    public string? Reason { get; set; }

    /// <summary>Set when the referral went out without the sharing consent because of an acute danger (Notfall).</summary>
    public EmergencyDisclosure? Emergency { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted;
}

/// <summary>
/// The record of an emergency override: who disclosed without consent, when and why. Kept with the referral so the case,
/// the plan step and the monthly report all read the same facts.
/// </summary>
internal sealed class EmergencyDisclosure
{
    public const int ReasonMaxLength = 1000;

    public required string Reason { get; set; }

    public Guid? ByUserId { get; init; }

    public required string ByName { get; init; }

    public Instant At { get; init; }
}

/// <summary>sent → accepted/declined → completed (successful or not); withdrawn by the case manager.</summary>
internal enum ReferralStatus
{
    Sent = 0,
    Accepted = 1,
    Declined = 2,
    CompletedSuccessfully = 3,
    CompletedUnsuccessfully = 4,
    Withdrawn = 5,
}

internal static class ReferralLifecycle
{
    /// <summary>
    /// Partner answers may arrive late or twice: a referral only moves forward (sent → answered → completed), and
    /// nothing changes a withdrawn one.
    /// </summary>
    public static bool CanMove(ReferralStatus from, ReferralStatus to) => Rank(to) > Rank(from) && from != ReferralStatus.Withdrawn;

    private static int Rank(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => 0,
        ReferralStatus.Accepted or ReferralStatus.Declined => 1,
        _ => 2,
    };
}
