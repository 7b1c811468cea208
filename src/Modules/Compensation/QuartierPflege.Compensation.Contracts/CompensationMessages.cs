using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Compensation.Contracts;

/// <summary>
/// Prepare the payout run of <paramref name="Month"/> (sent by the job on the 1st at 02:00 Berlin for the previous month,
/// or on demand). Idempotent: a month has at most one run and one payout per volunteer.
/// </summary>
public sealed record PreparePayoutRun(Guid MessageId, Instant OccurredAt, YearMonth Month) : IIntegrationMessage
{
    public static string MessageName => "compensation.prepare-payout-run.v1";
}

/// <summary>A payout run was prepared as a draft and waits for finance's review and approval.</summary>
public sealed record PayoutRunPrepared(
    Guid MessageId,
    Instant OccurredAt,
    Guid RunId,
    YearMonth Month,
    int PayoutCount,
    decimal Total,
    int FlaggedCount) : IIntegrationMessage
{
    public static string MessageName => "compensation.payout-run-prepared.v1";
}

/// <summary>One line of a payout as the volunteer's statement shows it („Stundensatz Alltagsbegleitung“, 12,5 h, 125,00 €).</summary>
public sealed record PayoutLine(string Text, decimal Quantity, decimal Amount)
{
    /// <summary>The unit of <see cref="Quantity"/> in German („Std.“, „km“, „Monat“); empty when the text says it all.</summary>
    public string Unit { get; init; } = string.Empty;
}

/// <summary>
/// A payout of an approved run: the volunteer is sent a statement. <paramref name="Total"/> is what is transferred;
/// <paramref name="WithheldAboveCap"/> the part above the remaining tax-free allowance that is not paid.
/// <see cref="YearToDate"/> (paid this calendar year including this payout) and <see cref="RemainingAllowance"/> (of the
/// tax-free allowance, after this payout; <c>null</c> when no allowance applies) are what the statement needs besides the
/// minimum of shared/MESSAGES.md.
/// </summary>
public sealed record PayoutApproved(
    Guid MessageId,
    Instant OccurredAt,
    Guid PayoutId,
    Guid RunId,
    Guid VolunteerId,
    string Email,
    string DisplayName,
    YearMonth Month,
    IReadOnlyList<PayoutLine> Lines,
    decimal Total,
    decimal WithheldAboveCap) : IIntegrationMessage
{
    public static string MessageName => "compensation.payout-approved.v1";

    public decimal YearToDate { get; init; }

    public decimal? RemainingAllowance { get; init; }

    /// <summary>The German name of the tax-free allowance that applies („Ehrenamtspauschale“), empty when none does.</summary>
    public string AllowanceName { get; init; } = string.Empty;
}

/// <summary>Finance confirmed that the bank executed the run's SEPA file.</summary>
public sealed record PayoutRunPaid(Guid MessageId, Instant OccurredAt, Guid RunId, YearMonth Month, LocalDate PaidOn) : IIntegrationMessage
{
    public static string MessageName => "compensation.payout-run-paid.v1";
}

/// <summary>
/// A volunteer's bank details or declaration of allowance used elsewhere changed: the volunteer is told by mail („Ihre
/// Bankverbindung wurde geändert“), so that a change they did not make does not go unnoticed. <paramref name="Changes"/>
/// are German sentences that name an IBAN only masked (country, check digits, last four characters).
/// </summary>
public sealed record BankDetailsChanged(
    Guid MessageId,
    Instant OccurredAt,
    Guid VolunteerId,
    string Email,
    string DisplayName,
    string ChangedByName,
    IReadOnlyList<string> Changes) : IIntegrationMessage
{
    public static string MessageName => "compensation.bank-details-changed.v1";
}
