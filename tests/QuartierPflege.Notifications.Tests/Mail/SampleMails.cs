using NodaTime;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Tests.Mail;

// Shaped like the payloads in shared/MESSAGES.md, so the templates are tested against the fields their messages carry.

internal sealed record FollowUpItem(Guid CaseId, string ResidentDisplayName, string Title, LocalDate DueOn);

internal sealed record TestMail(string Name, object Date, string? Note);

internal static class SampleMails
{
    public const string FollowUpsDueTemplate = "case-management.follow-ups-due.v1";
    public const string PayoutApprovedTemplate = "compensation.payout-approved.v1";
    public const string TestMailTemplate = "notifications.test-mail.v1";

    /// <summary>A digest whose every line has German letters in it: ä, ö, ü and ß.</summary>
    /// <remarks>The real contract record, so a field the template expects but the message lacks fails here.</remarks>
    public static FollowUpsDue FollowUpsDue(string email = "fallmanagement@example.org", params FollowUpItem[] items) => new(
        Guid.NewGuid(),
        default,
        Guid.NewGuid(),
        email,
        "Jörg Fuß",
        new LocalDate(2026, 3, 2),
        [.. (items.Length > 0
            ? items
            :
            [
                new(Guid.NewGuid(), "Jürgen Weiß", "Gespräch über die Größe der Wohnung", new LocalDate(2026, 3, 1)),
                new(Guid.NewGuid(), "Käthe Özdemir", "Hausnotruf prüfen", new LocalDate(2026, 3, 2)),
            ]).Select(i => new DueFollowUp(i.CaseId, "F-2026-0001", i.ResidentDisplayName, i.Title, i.DueOn))]);

    /// <summary>The real contract record (lines, year to date, remaining allowance), with German letters in it.</summary>
    public static PayoutApproved PayoutApproved(decimal withheldAboveCap = 0m, string email = "ehrenamt@example.org", decimal? remainingAllowance = 0m) => new(
        Guid.NewGuid(),
        Instant.FromUtc(2026, 4, 2, 9, 0),
        Guid.NewGuid(),
        Guid.NewGuid(),
        Guid.NewGuid(),
        email,
        "Grete Müller",
        new YearMonth(2026, 3),
        [new("Nachbarschaftshilfe (Stunden)", 12.5m, 150m), new("Fahrtkosten (km)", 4235m, 1084.50m)],
        1234.50m,
        withheldAboveCap)
    {
        YearToDate = 1234.50m,
        RemainingAllowance = remainingAllowance,
        AllowanceName = remainingAllowance is null ? string.Empty : "Ehrenamtspauschale",
    };

    /// <summary>A rendered mail as another module's handler would send it, with German letters in every part.</summary>
    public static SendMail SendMail(string address = "grete.mueller@example.org", string? name = "Grete Müller", string kind = TestMailTemplate) => new(
        Guid.NewGuid(),
        Instant.FromUtc(2026, 3, 2, 8, 0),
        kind,
        address,
        name,
        "Grüße aus der Südstraße",
        "<!DOCTYPE html><html lang=\"de\"><body><p>Guten Tag Frau Müller,</p><p>Grüße aus der Südstraße – 1.234,50 €</p></body></html>",
        "Guten Tag Frau Müller,\n\nGrüße aus der Südstraße – 1.234,50 €\n");
}
