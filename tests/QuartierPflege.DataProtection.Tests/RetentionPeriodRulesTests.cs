using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Register;
using QuartierPflege.DataProtection.Retention;
using NodaTime;

namespace QuartierPflege.DataProtection.Tests;

public sealed class RetentionPeriodRulesTests
{
    private static readonly RetentionRule Vouchers = new("nach Ende des Kalenderjahres", RetentionDuration.OfYears(8), RetentionDuration.OfYears(8), null,
        RetentionAction.Delete, "§ 147 AO");

    [Fact]
    public void A_period_below_the_legal_minimum_is_refused_naming_the_minimum_and_the_law()
    {
        var refusal = RetentionPeriodRules.Refusal(Vouchers, new RetentionDuration(7, 11, 30));

        Assert.Equal("Die Frist darf die gesetzliche Mindestfrist nicht unterschreiten: mindestens 8 Jahre (§ 147 AO).", refusal);
    }

    [Fact]
    public void Twelve_months_are_not_shorter_than_a_year_but_eleven_months_and_thirty_days_are()
    {
        Assert.False(RetentionPeriodRules.Shorter(RetentionDuration.OfMonths(12), RetentionDuration.OfYears(1)));
        Assert.True(RetentionPeriodRules.Shorter(new RetentionDuration(0, 11, 30), RetentionDuration.OfYears(1)));
    }

    [Fact]
    public void A_period_above_the_cap_is_refused_and_one_at_the_minimum_is_accepted()
    {
        Assert.Equal("Die Frist darf höchstens 30 Jahre betragen.", RetentionPeriodRules.Refusal(Vouchers, RetentionDuration.OfYears(31)));
        Assert.Null(RetentionPeriodRules.Refusal(Vouchers, RetentionDuration.OfYears(8)));
        Assert.Equal("Jahre, Monate und Tage dürfen nicht negativ sein.", RetentionPeriodRules.Refusal(Vouchers, new RetentionDuration(9, -1, 0)));
    }

    [Fact]
    public void The_periods_in_force_are_the_declared_defaults_overridden_by_coordinations_settings()
    {
        var register = new DataProtectionPersonalData();
        var settings = new Dictionary<string, RetentionDuration> { [DataProtectionPersonalData.AuditKind] = RetentionDuration.OfYears(3) };

        var periods = RetentionPeriodRules.Periods(RetentionPeriodRules.InForce([register], settings));

        Assert.Equal(RetentionDuration.OfYears(3), periods.For(DataProtectionPersonalData.AuditKind));
        Assert.Equal(RetentionDuration.OfDays(7), periods.For(DataProtectionPersonalData.AccessCopyKind));
        Assert.Equal(register.Kinds.Count, periods.Settings.Count);
    }

    [Fact]
    public void A_record_is_due_the_day_after_its_period_ended()
    {
        var created = Instant.FromUtc(2026, 3, 2, 8, 0);

        Assert.False(OwnRetention.IsDue(created, RetentionDuration.OfDays(7), new LocalDate(2026, 3, 9)));
        Assert.True(OwnRetention.IsDue(created, RetentionDuration.OfDays(7), new LocalDate(2026, 3, 10)));
    }

    [Fact]
    public void The_copys_html_escapes_what_modules_answered_and_keeps_umlauts()
    {
        var subject = new DataSubject(DataSubjectKind.Resident, Guid.NewGuid(), "Jürgen <b>Böse</b>", [], null);
        var header = new AccessCopyHeader(subject, "Koordination Test", Instant.FromUtc(2026, 3, 2, 8, 0), Instant.FromUtc(2026, 3, 9, 8, 0));
        var sections = new List<PersonalDataSection>
        {
            new("Fallmanagement", [new PersonalDataRecord("case-management.journal-note", "Notiz", [new PersonalDataField("Text", "<script>alert(1)</script>")])]),
            new("Ehrenamt", []),
        };

        var html = AccessCopyZip.RenderHtml(header, sections, new Dictionary<string, string>());

        Assert.Contains("Jürgen &lt;b&gt;Böse&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Ehrenamt</h2>\n<p>Keine Daten gespeichert.</p>", html, StringComparison.Ordinal);
    }
}
