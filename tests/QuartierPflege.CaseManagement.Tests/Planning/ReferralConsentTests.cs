using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Tests.Support;
using Wolverine.Tracking;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

/// <summary>
/// Referrals against the real consent records, the real partner directory and the real Partners and Notifications
/// modules (no test doubles): what a case manager records as consent on the resident's page is what decides whether
/// anything is disclosed, and a withdrawal reaches the partner's contact as a mail (real SMTP server).
/// </summary>
public sealed class ReferralConsentTests(MailingApp app) : IClassFixture<MailingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Summary = "Braucht Hilfe beim Duschen, zweimal wöchentlich.";

    [Fact]
    public async Task A_referral_needs_the_recorded_share_consent_and_its_withdrawal_withdraws_the_referral_and_mails_the_partner_without_health_details()
    {
        var @case = await app.CaseAsync();
        var careService = await CareServiceAsync("Pflegedienst Muldental gGmbH");
        var problemId = await @case.AddProblemAsync("CareNeed");
        var steps = $"{@case.Api}/problems/{problemId}/steps";

        var withoutConsent = await @case.Client.PostAsJsonAsync(steps, Referral(careService, "Pflegedienst anfragen"));
        Assert.Contains("Weitergabe an Netzwerkpartner", await withoutConsent.FieldErrorAsync("consent"));

        var consentId = await @case.Client.GiveConsentAsync(@case.ResidentId,
            new { purpose = "ShareWithPartners", serviceCategory = ServiceCategories.Pflegedienst, givenOn = "2026-03-02", form = "Written" });
        var withConsent = await @case.Client.PostAsJsonAsync(steps, Referral(careService, "Pflegedienst anfragen"));
        Assert.Equal(HttpStatusCode.Created, withConsent.StatusCode);

        HttpResponseMessage? withdrawn = null;
        var tracked = await app.TrackAsync(async () => withdrawn = await @case.Client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{@case.ResidentId}/consents/{consentId}/withdraw", new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true }));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn!.StatusCode);
        // The referral that relied on the consent is withdrawn with it, in Case Management and in Partners.
        var told = Assert.Single(tracked.Sent.MessagesOf<ReferralWithdrawn>().DistinctBy(m => m.MessageId));
        Assert.Equal((ConsentWithdrawalEffects.ReferralReason, ReferralWithdrawalCause.ConsentWithdrawn), (told.Reason, told.Cause));
        var step = await app.QueryAsync(db => db.Steps.SingleAsync(s => s.CaseId == @case.CaseId));
        Assert.Equal(ReferralStatus.Withdrawn, step.Referral!.Status);
        Assert.Equal(StepStatus.Cancelled, step.Status);
        var inPartners = await (await (await app.SignedInClientAsync(Roles.Koordination)).GetAsync($"/api/partners/referrals/{step.Referral.Id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", inPartners.GetProperty("status").GetString());

        var mail = await WithdrawalMailAsync(careService.ReferralEmail!, step.Referral.Id);
        Assert.Equal("Vermittlung zurückgezogen: Nr. " + step.Referral.Id.ToString("N")[..8] + " (Pflegedienst in Döbeln-Nord)", mail.Subject);
        Assert.Contains("(Pflegedienst in Döbeln-Nord) vom 2. März 2026 an Pflegedienst Muldental gGmbH zurückgezogen.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Grund: Einwilligung widerrufen\n", mail.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var undisclosed in new[] { "Duschen", "Krause", "Gisela", "Bewohner", "Netzwerkpartner" })
        {
            Assert.DoesNotContain(undisclosed, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(undisclosed, mail.HtmlBody, StringComparison.Ordinal);
        }

        var afterWithdrawal = await @case.Client.PostAsJsonAsync(steps, Referral(careService, "Zweiten Pflegedienst anfragen"));
        Assert.Contains("Weitergabe an Netzwerkpartner", await afterWithdrawal.FieldErrorAsync("consent"));
    }

    [Fact]
    public async Task Withdrawing_the_share_consent_on_the_cases_consent_tab_says_which_partner_is_told_and_the_partner_gets_the_mail()
    {
        var @case = await app.CaseAsync();
        var careService = await CareServiceAsync("Ambulante Pflege Sonnenschein");
        var problemId = await @case.AddProblemAsync("CareNeed");
        var consentId = await @case.Client.GiveConsentAsync(@case.ResidentId,
            new { purpose = "ShareWithPartners", serviceCategory = ServiceCategories.Pflegedienst, givenOn = "2026-03-02", form = "Written" });
        Assert.Equal(HttpStatusCode.Created, (await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/{problemId}/steps", Referral(careService, "Pflegedienst anfragen"))).StatusCode);
        var tab = $"/CaseManagement/Bewohner/{@case.ResidentId}/Einwilligungen?fall={@case.CaseId}";

        HttpResponseMessage? posted = null;
        await app.TrackAsync(async () => posted = await @case.Client.SubmitFormAsync(tab,
            [new("consentId", consentId.ToString()), new("withdrawnOn", "2026-03-02"), new("withdrawalForm", "Written"), new("confirmed", "true")],
            tab + "&handler=Widerrufen"));

        Assert.Equal(HttpStatusCode.Redirect, posted!.StatusCode);
        var page = WebUtility.HtmlDecode(await @case.Client.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains("Die Einwilligung ist widerrufen. Das gilt ab sofort. Die Vermittlung an Ambulante Pflege Sonnenschein ist zurückgezogen; Ambulante Pflege Sonnenschein wird per E-Mail benachrichtigt.", page, StringComparison.Ordinal);
        var step = await app.QueryAsync(db => db.Steps.SingleAsync(s => s.CaseId == @case.CaseId));
        var mail = await WithdrawalMailAsync(careService.ReferralEmail!, step.Referral!.Id);
        Assert.Contains("Grund: Einwilligung widerrufen", mail.TextBody, StringComparison.Ordinal);
    }

    private static object Referral(PartnerListing partner, string title) => new
    {
        kind = "Referral",
        title,
        owner = "Jens Richter",
        dueOn = "2026-03-16",
        isMilestone = false,
        referral = new
        {
            partnerId = partner.PartnerId,
            serviceCategory = ServiceCategories.Pflegedienst,
            disclosedSummary = Summary,
            discloseContactDetails = false,
            respondBy = "2026-03-09",
        },
    };

    private async Task<PartnerListing> CareServiceAsync(string name)
    {
        var partners = await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>()
            .FindPartnersAsync(ServiceCategories.Pflegedienst, PlanningTestData.Quartier, CancellationToken.None));
        var partner = partners.Single(p => p.Name == name);
        Assert.NotNull(partner.ReferralEmail);
        return partner;
    }

    /// <summary>The withdrawal mail for one referral at the SMTP server (the demo data has mailed the same address before).</summary>
    private async Task<ReceivedMail> WithdrawalMailAsync(string address, Guid referralId)
    {
        var reference = "Nr. " + referralId.ToString("N")[..8];
        bool Matches(ReceivedMail m) => m.To.Any(t => t.Address == address) && m.Subject.StartsWith("Vermittlung zurückgezogen", StringComparison.Ordinal)
            && m.Subject.Contains(reference, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => Task.FromResult(app.Smtp.Messages.Any(Matches)), "the withdrawal mail to the partner at the SMTP server");
        return Assert.Single(app.Smtp.Messages, Matches);
    }
}
