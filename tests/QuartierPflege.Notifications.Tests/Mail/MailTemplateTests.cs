using NodaTime;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class MailTemplateTests
{
    private static readonly MailTemplates Templates = MailTemplates.Shared;

    [Fact]
    public void A_template_renders_German_dates_and_euro_amounts()
    {
        var digest = Templates.Render(SampleMails.FollowUpsDueTemplate, SampleMails.FollowUpsDue());
        var statement = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved());

        Assert.Equal("Fällige Wiedervorlagen am 2. März 2026", digest.Subject);
        Assert.Contains("Jürgen Weiß (F-2026-0001): Gespräch über die Größe der Wohnung (fällig am 1. März 2026)", digest.TextBody);
        Assert.Contains("<td>Jürgen Weiß (F-2026-0001)</td><td>Gespräch über die Größe der Wohnung</td><td style=\"white-space: nowrap;\">1. März 2026</td>", digest.HtmlBody);
        Assert.Equal("Ihre Aufwandsentschädigung für März 2026", statement.Subject);
        Assert.Contains("Summe: 1.234,50 €", statement.TextBody);
        Assert.Contains("Fahrtkosten (km): 4235 – 1.084,50 €", statement.TextBody);
        Assert.Contains("Nachbarschaftshilfe (Stunden): 12,5 – 150,00 €", statement.TextBody);
        Assert.Contains(">1.234,50 €</th>", statement.HtmlBody);
    }

    [Fact]
    public void A_template_escapes_HTML_in_data()
    {
        const string Script = "<script>alert(1)</script>";
        var digest = Templates.Render(SampleMails.FollowUpsDueTemplate, SampleMails.FollowUpsDue(
            items: new FollowUpItem(Guid.NewGuid(), Script, "Müller & Söhne \"Umzug\"", new LocalDate(2026, 3, 1))));
        // A helper given something it cannot format passes it on as text: escaped all the same.
        var testMail = Templates.Render(SampleMails.TestMailTemplate, new TestMail(Script, Script, Script));

        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; (F-2026-0001)</td>", digest.HtmlBody);
        Assert.Contains("<td>Müller &amp; Söhne &quot;Umzug&quot;</td>", digest.HtmlBody);
        Assert.DoesNotContain(Script, digest.HtmlBody);
        Assert.DoesNotContain(Script, testMail.HtmlBody);
        Assert.Contains("vom &lt;script&gt;alert(1)&lt;/script&gt; zeigt", testMail.HtmlBody);
        // Plain text is not HTML: escaping it would only garble the text.
        Assert.Contains($"{Script} (F-2026-0001): Müller & Söhne \"Umzug\"", digest.TextBody);
    }

    [Fact]
    public void The_withheld_amount_appears_only_when_something_was_withheld()
    {
        var nothingWithheld = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(withheldAboveCap: 0m));
        var withheld = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(withheldAboveCap: 61.25m));

        Assert.DoesNotContain("einbehalten", nothingWithheld.TextBody);
        Assert.DoesNotContain("einbehalten", nothingWithheld.HtmlBody);
        Assert.Contains("Über dem steuerfreien Höchstbetrag und daher einbehalten: 61,25 €", withheld.TextBody);
        Assert.Contains(">61,25 €</td>", withheld.HtmlBody);
    }

    [Fact]
    public void The_lines_of_loops_and_conditions_leave_no_blank_lines_behind()
    {
        var digest = Templates.Render(SampleMails.FollowUpsDueTemplate, SampleMails.FollowUpsDue()).TextBody.ReplaceLineEndings("\n");
        var statement = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(withheldAboveCap: 61.25m)).TextBody.ReplaceLineEndings("\n");
        var html = Templates.Render(SampleMails.FollowUpsDueTemplate, SampleMails.FollowUpsDue()).HtmlBody.ReplaceLineEndings("\n");

        Assert.Contains(
            "fällig:\n\n- Jürgen Weiß (F-2026-0001): Gespräch über die Größe der Wohnung (fällig am 1. März 2026)\n" +
            "- Käthe Özdemir (F-2026-0001): Hausnotruf prüfen (fällig am 2. März 2026)\n\nSie finden",
            digest);
        Assert.Contains("Summe: 1.234,50 €\nÜber dem steuerfreien Höchstbetrag und daher einbehalten: 61,25 €\n\nIn diesem Kalenderjahr", statement);
        Assert.Contains("(mit diesem Betrag): 1.234,50 €\nDavon noch steuerfrei möglich (Ehrenamtspauschale): 0,00 €\n\nIhre Auszahlungen", statement);
        Assert.Contains("<tbody>\n<tr><td>Jürgen Weiß", html);
        Assert.Contains("2. März 2026</td></tr>\n</tbody>", html);
    }

    [Fact]
    public void A_statement_shows_the_year_so_far_and_the_remaining_allowance_only_when_one_applies()
    {
        var withAllowance = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(remainingAllowance: 412.30m));
        var withoutAllowance = Templates.Render(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(remainingAllowance: null));

        Assert.Contains("In diesem Kalenderjahr bisher ausgezahlt (mit diesem Betrag): 1.234,50 €", withAllowance.TextBody);
        Assert.Contains("Davon noch steuerfrei möglich (Ehrenamtspauschale): 412,30 €", withAllowance.TextBody);
        Assert.Contains("(Ehrenamtspauschale): <strong style=\"white-space: nowrap;\">412,30 €</strong>", withAllowance.HtmlBody);
        Assert.DoesNotContain("steuerfrei möglich", withoutAllowance.TextBody);
        Assert.DoesNotContain("steuerfrei möglich", withoutAllowance.HtmlBody);
        Assert.Contains("In diesem Kalenderjahr bisher ausgezahlt", withoutAllowance.HtmlBody);
    }

    [Fact]
    public void A_subject_is_one_line()
    {
        var mail = Templates.Render(SampleMails.TestMailTemplate, new TestMail("Frau Schulze", new LocalDate(2026, 3, 2), null));

        Assert.Equal("Testnachricht von QuartierPflege", mail.Subject);
    }

    [Fact]
    public void An_unknown_template_or_a_missing_field_fails_loudly()
    {
        Assert.Throws<ArgumentException>(() => Templates.Render("notifications.no-such-mail.v1", new { }));
        var missingVariable = Assert.ThrowsAny<Exception>(() => Templates.Render(SampleMails.TestMailTemplate, new { Name = "ohne Datum", Note = "x" }));
        Assert.Contains("date", missingVariable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_the_template_asks_for_but_the_model_lacks_fails_loudly()
    {
        // As a misspelt "item.case_numbr" in a template would: the item has no such member.
        var model = new
        {
            CaseManagerName = "Jörg Fuß",
            Date = new LocalDate(2026, 3, 2),
            Items = new[] { new { ResidentDisplayName = "Jürgen Weiß", Title = "Anruf", DueOn = new LocalDate(2026, 3, 1) } },
        };

        var failure = Assert.ThrowsAny<Exception>(() => Templates.Render(SampleMails.FollowUpsDueTemplate, model));
        Assert.Contains("case_number", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Umlauts_stay_umlauts_in_HTML_and_only_markup_characters_are_escaped()
    {
        var mail = Templates.Render(SampleMails.TestMailTemplate, new TestMail("Frau Öztürk <b>", new LocalDate(2026, 3, 2), "Grüße & „Dank“ 'heute'"));

        Assert.Contains("<p>Guten Tag Frau Öztürk &lt;b&gt;,</p>", mail.HtmlBody);
        Assert.Contains("<p>Grüße &amp; „Dank“ &#x27;heute&#x27;</p>", mail.HtmlBody);
        Assert.Contains("Guten Tag Frau Öztürk <b>,", mail.TextBody);
    }

    [Theory]
    [InlineData("2026-03-01", "1. März 2026")]
    [InlineData("2026-12-24", "24. Dezember 2026")]
    [InlineData("kein Datum", "kein Datum")]
    public void Dates_also_come_as_ISO_text(string value, string expected)
        => Assert.Equal(expected, GermanFormats.Date(value));

    [Fact]
    public void An_instant_is_shown_as_its_day_in_Berlin()
        => Assert.Equal("1. März 2026", GermanFormats.Date(Instant.FromUtc(2026, 2, 28, 23, 30)));

    [Theory]
    [InlineData("1234.5", "1.234,50 €")]
    [InlineData("0", "0,00 €")]
    [InlineData("-7.1", "-7,10 €")]
    public void Euro_amounts_have_German_separators(string amount, string expected)
        => Assert.Equal(expected, GermanFormats.Euro(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_bank_details_mail_lists_the_changes_and_says_what_to_do_if_it_was_not_the_volunteer()
    {
        var mail = Templates.Render(QuartierPflege.Compensation.Contracts.BankDetailsChanged.MessageName, new QuartierPflege.Compensation.Contracts.BankDetailsChanged(
            Guid.NewGuid(), NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0), Guid.NewGuid(), "grete@example.org", "Grete Müller", "Grete Müller",
            ["IBAN geändert (bisher endend auf 3000, jetzt auf 1234).", "Kontoinhaber geändert: Grete Müller (bisher Grete Muster)."]));

        Assert.Equal("Ihre Bankverbindung wurde geändert", mail.Subject);
        Assert.Contains("am 2. März 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- IBAN geändert (bisher endend auf 3000, jetzt auf 1234).", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Kontoinhaber geändert: Grete Müller (bisher Grete Muster).</li>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("nicht selbst vorgenommen", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_are_found_by_the_names_of_their_messages()
        => Assert.Equal(
            [
                QuartierPflege.CaseManagement.Contracts.Planning.EmergencyDisclosureMade.MessageName,
                SampleMails.FollowUpsDueTemplate,
                QuartierPflege.CaseManagement.Contracts.Planning.ReferralRequested.MessageName,
                QuartierPflege.Compensation.Contracts.BankDetailsChanged.MessageName,
                SampleMails.PayoutApprovedTemplate,
                SampleMails.TestMailTemplate,
                QuartierPflege.Partners.Contracts.ReferralOverdue.MessageName,
                QuartierPflege.Partners.Contracts.ReferralWithdrawalNotice.MessageName,
                QuartierPflege.Volunteers.Contracts.TrainingExpiring.MessageName,
                QuartierPflege.Volunteers.Contracts.VolunteerInvited.MessageName,
            ],
            Templates.Names.Order(StringComparer.Ordinal));
}
