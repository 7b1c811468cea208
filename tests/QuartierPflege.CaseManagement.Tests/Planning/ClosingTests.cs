using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class ClosingTests(PlanningApp app) : IClassFixture<PlanningApp>
{
    [Fact]
    public async Task Closing_is_refused_while_a_problem_has_no_outcome()
    {
        var @case = await app.CaseAsync();
        var first = await @case.AddProblemAsync("Loneliness");
        await @case.AddProblemAsync("RentArrears");

        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/close", new { outcomes = new[] { new { problemId = first, outcome = "Improved" } }, reason = "GoalsReached", summary = "Gut versorgt." });

        Assert.Contains("Mietschulden", await response.FieldErrorAsync("outcomes"));
        var plan = await @case.PlanAsync();
        Assert.Equal("Open", plan.GetProperty("status").GetString());
        Assert.All(plan.GetProperty("problems").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("outcome").ValueKind));
    }

    [Fact]
    public async Task A_closed_case_has_an_outcome_per_problem_is_announced_and_its_plan_is_read_only()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync("Loneliness");

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await @case.Client.PostAsJsonAsync($"{@case.Api}/close",
            new { outcomes = new[] { new { problemId, outcome = "Resolved", note = "Besuchsdienst kommt wöchentlich." } }, reason = "GoalsReached", summary = "Besuchsdienst läuft." }));

        Assert.Equal("2026-03-02", (await response.ShouldBeAsync<JsonElement>(200)).GetProperty("closedOn").GetString());
        var plan = await @case.PlanAsync();
        Assert.Equal("Closed", plan.GetProperty("status").GetString());
        Assert.Equal("Resolved", plan.GetProperty("problems")[0].GetProperty("outcome").GetString());
        var closed = Assert.Single(tracked.Published<CaseClosed>());
        Assert.Equal(@case.CaseId, closed.CaseId);
        Assert.Equal(new LocalDate(2026, 3, 2), closed.ClosedOn);
        Assert.Equal(HttpStatusCode.Conflict, (await @case.Client.PostAsJsonAsync($"{@case.Api}/problems", new { kind = "Neglect" })).StatusCode);
        var again = await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.Conflict, (await @case.Client.PostAsJsonAsync($"{@case.Api}/close", new { outcomes = Array.Empty<object>(), reason = "GoalsReached", summary = "Nochmals." })).StatusCode));
        Assert.Empty(again.Published<CaseClosed>());
    }

    [Fact]
    public async Task Unknown_outcomes_and_foreign_problems_are_refused_with_field_messages()
    {
        var @case = await app.CaseAsync();
        await @case.AddProblemAsync();

        var unknown = await @case.Client.PostAsJsonAsync($"{@case.Api}/close", new { outcomes = new[] { new { problemId = Guid.NewGuid(), outcome = "Vergessen" } }, reason = "GoalsReached", summary = "x" });
        var foreign = await @case.Client.PostAsJsonAsync($"{@case.Api}/close", new { outcomes = new[] { new { problemId = Guid.NewGuid(), outcome = "Resolved" } }, reason = "GoalsReached", summary = "x" });

        await unknown.FieldErrorAsync("outcomes[0].outcome");
        Assert.Contains("nicht zu diesem Fall", await foreign.FieldErrorAsync("outcomes[0].problemId"));
        Assert.Equal("Open", (await @case.PlanAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_closing_page_asks_for_every_outcome_and_closes_the_case()
    {
        var @case = await app.CaseAsync();
        await @case.AddProblemAsync("Loneliness");
        await @case.AddProblemAsync("CareNeed");
        var page = @case.Page("Abschliessen");

        var refused = await @case.Client.SubmitFormAsync(page, ("outcomes[0].outcome", "Improved"));
        var closed = await @case.Client.SubmitFormAsync(page, ("outcomes[0].outcome", "Improved"), ("outcomes[1].outcome", "NotPursued"), ("outcomes[1].note", "Frau K. lehnt ab."),
            ("reason", "Declined"), ("summary", "Frau K. möchte keine weitere Begleitung."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte wählen Sie das Ergebnis.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Der Fall wurde am 02.03.2026 abgeschlossen", await @case.Client.GetStringAsync(@case.Page("Plan")));
    }

    [Fact]
    public async Task Closing_withdraws_an_open_referral_ends_follow_ups_and_a_reopening_is_protocolled()
    {
        var @case = await app.CaseAsync();
        var partner = app.Partners.Add("Helfende Hände Roßwein", QuartierPflege.Partners.Contracts.ServiceCategories.Haushaltshilfe, PlanningTestData.Quartier);
        app.Consent.Grant(@case.ResidentId, QuartierPflege.CaseManagement.Domain.ConsentPurpose.ShareWithPartners, partnerId: partner.PartnerId);
        var problemId = await @case.AddProblemAsync("DailyLiving");
        var stepId = await @case.AddStepAsync(problemId, new
        {
            kind = "Referral", title = "Haushaltshilfe vermitteln", owner = "Petra Lange", dueOn = "2026-03-16", isMilestone = false,
            referral = new { partnerId = partner.PartnerId, serviceCategory = QuartierPflege.Partners.Contracts.ServiceCategories.Haushaltshilfe,
                disclosedSummary = "Hilfe im Haushalt.", discloseContactDetails = false, respondBy = "2026-03-09" },
        });
        Assert.Equal(HttpStatusCode.Created, (await @case.Client.PostAsJsonAsync($"{@case.Api}/follow-ups", new { dueOn = "2026-03-20", title = "Anrufen" })).StatusCode);
        var page = await @case.Client.GetStringAsync(@case.Page("Abschliessen"));
        Assert.Contains("Vermittlung an Helfende Hände Roßwein (Haushaltshilfe vermitteln): wird zurückgezogen", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var tracked = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await @case.Client.PostAsJsonAsync($"{@case.Api}/close",
            new { outcomes = new[] { new { problemId, outcome = "NotPursued" } }, reason = "MovedAway", summary = "Umzug zur Tochter nach Leipzig." })).StatusCode));

        var withdrawn = Assert.Single(tracked.Published<ReferralWithdrawn>());
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal(step.GetProperty("referral").GetProperty("referralId").GetGuid(), withdrawn.ReferralId);
        Assert.Equal(("Cancelled", "Withdrawn"), (step.GetProperty("status").GetString(), step.GetProperty("referral").GetProperty("status").GetString()));
        var followUps = await @case.Client.GetFromJsonAsync<JsonElement>($"{@case.Api}/follow-ups");
        Assert.DoesNotContain(followUps.GetProperty("items").EnumerateArray(), f => f.GetProperty("done").GetBoolean() == false);

        var noReason = await @case.Client.PostAsJsonAsync($"{@case.Api}/reopen", new { reason = "" });
        var reopened = await @case.Client.PostAsJsonAsync($"{@case.Api}/reopen", new { reason = "Die Tochter meldet: Umzug abgesagt." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Equal("InProgress", (await @case.PlanAsync()).GetProperty("status").GetString());
        var protocol = await @case.Client.GetFromJsonAsync<JsonElement>($"{@case.Api}/audit");
        Assert.Contains(protocol.GetProperty("entries").EnumerateArray(), e => e.GetProperty("description").GetString()!
            .EndsWith("Die Tochter meldet: Umzug abgesagt.", StringComparison.Ordinal));
    }
}
