using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class ReferralTests(PlanningApp app) : IClassFixture<PlanningApp>
{
    private const string Summary = "Frau K. braucht Unterstützung beim Wäschewaschen und Einkaufen, zweimal pro Woche.";

    private static object Referral(Guid partnerId, bool contact = false) => new
    {
        kind = "Referral",
        title = "Haushaltshilfe vermitteln",
        owner = "Petra Lange",
        dueOn = "2026-03-16",
        isMilestone = false,
        referral = new { partnerId, serviceCategory = ServiceCategories.Haushaltshilfe, disclosedSummary = Summary, discloseContactDetails = contact, respondBy = "2026-03-09" },
    };

    /// <summary>The message as JSON, to check that nothing undisclosed is anywhere in it.</summary>
    private static readonly JsonSerializerOptions Wire = new JsonSerializerOptions(JsonSerializerOptions.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    [Fact]
    public async Task A_referral_without_share_consent_is_refused_naming_the_consent()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Helfende Hände Döbeln", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        var problemId = await @case.AddProblemAsync("DailyLiving");

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/{problemId}/steps", Referral(partner.PartnerId)));

        var message = await response.FieldErrorAsync("consent");
        Assert.Contains("Weitergabe an Netzwerkpartner", message);
        Assert.Contains("Helfende Hände Döbeln", message);
        Assert.Empty(tracked.Published<ReferralRequested>());
        Assert.Equal(0, (await @case.PlanAsync()).GetProperty("problems")[0].GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task The_referral_request_carries_only_the_consented_summary()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Helfende Hände Döbeln", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        app.Consent.Grant(@case.ResidentId, ConsentPurpose.ShareWithPartners, category: ServiceCategories.Haushaltshilfe);
        (await @case.Client.PostAsJsonAsync($"{@case.Api}/home-visits", new
        {
            visitedOn = "2026-02-27",
            visitedBy = "Petra Lange",
            answers = new Dictionary<string, string> { ["gesundheit-schmerzen"] = "yes" },
            domainNotes = new Dictionary<string, string> { ["gesundheit"] = "Diagnose: Herzinsuffizienz" },
        })).EnsureSuccessStatusCode();
        var problemId = await @case.AddProblemAsync("DailyLiving");

        var stepId = Guid.Empty;
        var tracked = await app.TrackAsync(async () => stepId = await @case.AddStepAsync(problemId, Referral(partner.PartnerId)));

        var request = Assert.Single(tracked.Published<ReferralRequested>());
        var payload = JsonSerializer.Serialize(request, Wire);
        Assert.Equal(@case.CaseId, request.CaseId);
        Assert.Equal(Summary, request.DisclosedSummary);
        Assert.Equal(partner.PartnerId, request.PartnerId);
        Assert.Equal(PlanningTestData.Quartier, request.Quartier);
        Assert.Equal(new LocalDate(2026, 3, 9), request.RespondBy);
        Assert.Null(request.ContactDetails);
        Assert.DoesNotContain("Herzinsuffizienz", payload);
        Assert.DoesNotContain("Krause", payload);
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Waiting", step.GetProperty("status").GetString());
        Assert.Equal(request.ReferralId, step.GetProperty("referral").GetProperty("referralId").GetGuid());
    }

    [Fact]
    public async Task After_the_consent_is_withdrawn_nothing_more_is_disclosed()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Pflegedienst Sonnenschein", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        app.Consent.Grant(@case.ResidentId, ConsentPurpose.ShareWithPartners, partnerId: partner.PartnerId);
        var problemId = await @case.AddProblemAsync("DailyLiving");
        var first = await app.TrackAsync(() => @case.AddStepAsync(problemId, Referral(partner.PartnerId)));

        app.Consent.Withdraw(@case.ResidentId, ConsentPurpose.ShareWithPartners);
        HttpResponseMessage response = null!;
        var afterWithdrawal = await app.TrackAsync(async () =>
            response = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/{problemId}/steps", Referral(partner.PartnerId, contact: true)));

        Assert.Single(first.Published<ReferralRequested>());
        Assert.Contains("Weitergabe an Netzwerkpartner", await response.FieldErrorAsync("consent"));
        Assert.Empty(afterWithdrawal.Published<ReferralRequested>());
    }

    [Fact]
    public async Task Partner_answers_move_the_step_on_and_late_or_repeated_answers_change_nothing()
    {
        var (@case, stepId, referralId, partner) = await SentReferralAsync();
        var acceptedAt = app.Clock.GetCurrentInstant() + Duration.FromHours(5);

        var accepted = new ReferralAccepted(Guid.NewGuid(), default, referralId, partner.PartnerId, acceptedAt, "Herr Wolf");
        await app.PublishAndWaitAsync(accepted);
        var afterAccept = (await @case.PlanAsync()).Step(stepId);
        await app.PublishAndWaitAsync(new ReferralCompleted(Guid.NewGuid(), default, referralId, partner.PartnerId, true, "Haushaltshilfe kommt zweimal pro Woche."));
        await app.PublishAndWaitAsync(accepted with { MessageId = Guid.NewGuid() });

        Assert.Equal("InProgress", afterAccept.GetProperty("status").GetString());
        Assert.Equal("Accepted", afterAccept.GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal(5, afterAccept.GetProperty("referral").GetProperty("responseHours").GetDouble());
        Assert.Equal("Herr Wolf", afterAccept.GetProperty("referral").GetProperty("contactPerson").GetString());
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Done", step.GetProperty("status").GetString());
        Assert.Equal("CompletedSuccessfully", step.GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal("Haushaltshilfe kommt zweimal pro Woche.", step.GetProperty("referral").GetProperty("reason").GetString());
        Assert.Single(step.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "angenommen");
    }

    [Fact]
    public async Task A_declined_referral_waits_with_the_partners_reason()
    {
        var (@case, stepId, referralId, partner) = await SentReferralAsync();

        await app.PublishAndWaitAsync(new ReferralDeclined(Guid.NewGuid(), default, referralId, partner.PartnerId, "Keine Kapazität bis Mai."));

        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Waiting", step.GetProperty("status").GetString());
        Assert.Equal("Declined", step.GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal("Keine Kapazität bis Mai.", step.GetProperty("referral").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_declined_referral_shows_the_reason_and_the_next_partners_and_is_on_the_case_manager_s_Heute_page()
    {
        var (@case, _, referralId, partner) = await SentReferralAsync();
        app.Partners.Add("Alltagshilfe Nächster", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);

        await app.PublishAndWaitAsync(new ReferralDeclined(Guid.NewGuid(), default, referralId, partner.PartnerId, "Keine Kapazität bis Mai."));

        var plan = await @case.Client.GetStringAsync(@case.Page("Plan"));
        var today = await @case.Client.GetStringAsync("/CaseManagement/Heute");
        Assert.Contains("<strong>Vermittlung abgelehnt</strong> von Helfende Hände Döbeln", plan, StringComparison.Ordinal);
        Assert.Contains("„Keine Kapazität bis Mai.“", plan, StringComparison.Ordinal);
        var next = plan[plan.IndexOf("Nächste Netzwerkpartner", StringComparison.Ordinal)..];
        Assert.Contains("<li>Alltagshilfe Nächster</li>", next[..next.IndexOf("</ul>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Abgelehnt – nächsten Partner wählen: Haushaltshilfe vermitteln – Helfende Hände Döbeln", today, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unavailable_partner_flags_open_referrals_with_the_alternatives()
    {
        var (@case, stepId, _, partner) = await SentReferralAsync();
        var nearby = app.Partners.Add("Alltagshilfe Mulde", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        var elsewhere = app.Partners.Add("Haushaltsservice Chemnitz", ServiceCategories.Haushaltshilfe, "Chemnitz-Kaßberg");

        var message = new PartnerUnavailable(Guid.NewGuid(), default, partner.PartnerId, PartnerStatus.Paused, new LocalDate(2026, 3, 5),
        [
            new PartnerAlternatives(ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier, [nearby.PartnerId]),
            new PartnerAlternatives(ServiceCategories.Haushaltshilfe, "Chemnitz-Kaßberg", [elsewhere.PartnerId]),
            new PartnerAlternatives(ServiceCategories.Pflegedienst, PlanningTestData.Quartier, [Guid.NewGuid()]),
        ]);
        await app.PublishAndWaitAsync(message);
        await app.PublishAndWaitAsync(message with { MessageId = Guid.NewGuid() });

        var flag = (await @case.PlanAsync()).Step(stepId).GetProperty("flag");
        Assert.Equal("PartnerUnavailable", flag.GetProperty("kind").GetString());
        Assert.Contains("pausiert ab 05.03.2026", flag.GetProperty("text").GetString());
        var alternative = Assert.Single(flag.GetProperty("alternativePartners").EnumerateArray());
        Assert.Equal("Alltagshilfe Mulde", alternative.GetProperty("name").GetString());
        Assert.Single((await @case.PlanAsync()).Step(stepId).GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "Hinweis");
        var html = await @case.Client.GetStringAsync(@case.Page("Plan"));
        Assert.Contains("pausiert ab 05.03.2026", html);
        Assert.Contains("Alltagshilfe Mulde", html);
    }

    [Fact]
    public async Task Withdrawing_a_referral_cancels_the_step_and_tells_the_partner()
    {
        var (@case, stepId, referralId, _) = await SentReferralAsync();
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () =>
            response = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/withdraw-referral", new { reason = "Tochter übernimmt das Waschen.", version }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var withdrawn = Assert.Single(tracked.Published<ReferralWithdrawn>());
        Assert.Equal(referralId, withdrawn.ReferralId);
        Assert.Equal("Tochter übernimmt das Waschen.", withdrawn.Reason);
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Cancelled", step.GetProperty("status").GetString());
        Assert.Equal("Withdrawn", step.GetProperty("referral").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_withdrawal_on_a_stale_version_is_refused_and_tells_the_partner_nothing()
    {
        var (@case, stepId, referralId, partner) = await SentReferralAsync();
        var stale = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetInt32();
        await app.PublishAndWaitAsync(new ReferralAccepted(Guid.NewGuid(), default, referralId, partner.PartnerId, app.Clock.GetCurrentInstant(), "Herr Wolf"));

        HttpResponseMessage api = null!;
        HttpResponseMessage page = null!;
        var tracked = await app.TrackAsync(async () =>
        {
            api = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/withdraw-referral", new { reason = "Doch nicht nötig.", version = stale });
            // The page shows the plan again after the refusal, which saves an audit entry: the refused message must not ride along.
            page = await @case.Client.SubmitFormAsync(@case.Page("Plan"),
                [new("stepId", stepId.ToString()), new("version", stale.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("reason", "Doch nicht nötig.")],
                $"{@case.Page("Plan")}?handler=Withdraw");
        });

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Jemand anderes hat diesen Eintrag inzwischen geändert", await page.Content.ReadAsStringAsync());
        Assert.Empty(tracked.Published<ReferralWithdrawn>());
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("InProgress", step.GetProperty("status").GetString());
        Assert.Equal("Accepted", step.GetProperty("referral").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_page_shows_a_refused_referral_inline()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Helfende Hände Döbeln", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        var problemId = await @case.AddProblemAsync("DailyLiving");
        var plan = @case.Page("Plan");

        var page = await @case.Client.GetStringAsync(plan);
        var response = await @case.Client.SubmitFormAsync(plan,
            [
                new("problemId", problemId.ToString()), new("kind", "Referral"), new("title", "Haushaltshilfe"), new("owner", "Petra Lange"),
                new("referral.partnerId", partner.PartnerId.ToString()), new("referral.serviceCategory", ServiceCategories.Haushaltshilfe),
                new("referral.disclosedSummary", Summary),
            ],
            $"{plan}?handler=AddStep");

        Assert.Contains("Helfende Hände Döbeln", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Es liegt keine aktive Einwilligung „Weitergabe an Netzwerkpartner“ vor.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await @case.PlanAsync()).GetProperty("problems")[0].GetProperty("steps").GetArrayLength());
    }

    private async Task<(TestCase Case, Guid StepId, Guid ReferralId, PartnerListing Partner)> SentReferralAsync()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Helfende Hände Döbeln", ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        app.Consent.Grant(@case.ResidentId, ConsentPurpose.ShareWithPartners, partnerId: partner.PartnerId);
        var problemId = await @case.AddProblemAsync("DailyLiving");
        var stepId = await @case.AddStepAsync(problemId, Referral(partner.PartnerId));
        var referralId = (await @case.PlanAsync()).Step(stepId).GetProperty("referral").GetProperty("referralId").GetGuid();
        return (@case, stepId, referralId, partner);
    }
}
