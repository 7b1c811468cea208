using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class PlanTests(PlanningApp app) : IClassFixture<PlanningApp>
{
    private static object Internal(string title = "Haltegriffe im Bad anbringen", string? dueOn = "2026-03-20") => new
    {
        kind = "InternalAction",
        title,
        owner = "Hausmeisterei der Genossenschaft",
        dueOn,
        isMilestone = true,
    };

    [Fact]
    public async Task The_dashboard_filters_cases_by_an_open_problem_situation()
    {
        var lonely = await app.CaseAsync();
        var indebted = await app.CaseAsync();
        await lonely.AddProblemAsync("Loneliness");
        await indebted.AddProblemAsync("RentArrears");
        var coordination = await app.SignedInClientAsync(QuartierPflege.BuildingBlocks.Security.Roles.Koordination);

        var dashboard = await coordination.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?problem=RentArrears");
        var unknown = await coordination.GetAsync("/api/case-management/dashboard?problem=Langeweile");
        var page = await coordination.GetStringAsync("/CaseManagement?problem=RentArrears");

        var caseIds = dashboard.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(indebted.CaseId, caseIds);
        Assert.DoesNotContain(lonely.CaseId, caseIds);
        Assert.NotEmpty(await unknown.FieldErrorAsync("problem"));
        Assert.Contains("<option value=\"RentArrears\" selected=\"selected\">Mietschulden</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_step_past_its_due_date_is_listed_as_overdue_on_the_dashboard()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync();
        await @case.AddStepAsync(problemId, Internal(title: "Telefonkette einrichten", dueOn: "2026-03-10"));
        app.Clock.Advance(NodaTime.Duration.FromDays(10));
        try
        {
            // Ten days on, yesterday's cookie has expired: sign in afresh, as the case manager would.
            var client = await app.SignedInClientAsync(@case.Manager);
            var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard");

            var overdue = dashboard.GetProperty("overdue").GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("caseId").GetGuid() == @case.CaseId).ToList();
            var item = Assert.Single(overdue);
            Assert.Equal("Maßnahme", item.GetProperty("kind").GetString());
            Assert.Equal("Telefonkette einrichten", item.GetProperty("title").GetString());
        }
        finally
        {
            app.Clock.Advance(NodaTime.Duration.FromDays(-10));
        }
    }

    [Fact]
    public async Task A_problem_keeps_its_alternatives_and_the_path_chosen_with_the_resident()
    {
        var @case = await app.CaseAsync();

        var problemId = await @case.AddProblemAsync();

        var problem = Assert.Single((await @case.PlanAsync()).GetProperty("problems").EnumerateArray());
        Assert.Equal(problemId, problem.GetProperty("id").GetGuid());
        Assert.Equal("Vereinsamung", problem.GetProperty("title").GetString());
        Assert.Equal(["Besuchsdienst", "Seniorentreff"], problem.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Besuchsdienst", problem.GetProperty("chosenAlternative").GetString());
    }

    [Fact]
    public async Task Every_change_of_a_step_is_kept_in_its_history_with_who_when_and_from_to()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync("AgeOrIllnessLimitation");
        var stepId = await @case.AddStepAsync(problemId, Internal());
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();

        var response = await @case.Client.PutAsJsonAsync($"{@case.Api}/steps/{stepId}", new
        {
            title = "Haltegriffe im Bad anbringen",
            owner = "Hausmeisterei der Genossenschaft",
            dueOn = "2026-03-27",
            isMilestone = true,
            status = "InProgress",
            version,
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("InProgress", step.GetProperty("status").GetString());
        var history = step.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Status" && h.GetProperty("from").GetString() == "geplant"
                                      && h.GetProperty("to").GetString() == "in Arbeit" && h.GetProperty("by").GetString() == @case.Manager.DisplayName);
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Fällig am" && h.GetProperty("from").GetString() == "20.03.2026"
                                      && h.GetProperty("to").GetString() == "27.03.2026");
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_409_and_overwrites_nothing()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync();
        var stepId = await @case.AddStepAsync(problemId, Internal());
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();
        var colleague = await app.SignedInClientAsync(await app.CreateUserAsync(BuildingBlocks.Security.Roles.Koordination));

        var first = await colleague.PutAsJsonAsync($"{@case.Api}/steps/{stepId}",
            new { title = "Haltegriffe bestellen", owner = "Koordination", dueOn = "2026-03-20", isMilestone = true, status = "Planned", version });
        var second = await @case.Client.PutAsJsonAsync($"{@case.Api}/steps/{stepId}",
            new { title = "Haltegriffe im Bad anbringen", owner = "Hausmeisterei", dueOn = "2026-03-20", isMilestone = false, status = "Done", version });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var problem = await second.ShouldBeAsync<JsonElement>(409);
        Assert.Contains("Jemand anderes hat diesen Eintrag inzwischen geändert", problem.GetProperty("detail").GetString());
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Haltegriffe bestellen", step.GetProperty("title").GetString());
        Assert.Equal("Planned", step.GetProperty("status").GetString());

        var problemVersion = (await @case.PlanAsync()).GetProperty("problems")[0].GetProperty("version").GetUInt32();
        var edit = new { kind = "Loneliness", description = "neu", alternatives = Array.Empty<string>(), version = problemVersion };
        Assert.Equal(HttpStatusCode.NoContent, (await colleague.PutAsJsonAsync($"{@case.Api}/problems/{problemId}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await @case.Client.PutAsJsonAsync($"{@case.Api}/problems/{problemId}", edit)).StatusCode);
    }

    [Fact]
    public async Task Bad_step_input_is_refused_with_german_field_messages_and_nothing_is_stored()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync();
        var url = $"{@case.Api}/problems/{problemId}/steps";

        var missing = await @case.Client.PostAsJsonAsync(url, new { kind = "InternalAction" });
        var early = await @case.Client.PostAsJsonAsync(url, Internal(dueOn: "2026-02-19"));
        var unknownKind = await @case.Client.PostAsJsonAsync(url, new { kind = "Zauberei", title = "x", owner = "y" });
        var tooLong = await @case.Client.PostAsJsonAsync(url, Internal(title: new string('a', 201)));
        var malformedId = await @case.Client.PostAsJsonAsync(url, new { kind = "Referral", title = "x", owner = "y", referral = new { partnerId = "kein-guid" } });
        var badRoute = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/123/steps", Internal());

        Assert.Equal("Bitte geben Sie einen Titel ein.", await missing.FieldErrorAsync("title"));
        Assert.Contains("zuständig", await missing.FieldErrorAsync("owner"));
        Assert.Contains("nicht vor der Eröffnung des Falls (20.02.2026)", await early.FieldErrorAsync("dueOn"));
        Assert.Contains("nicht erlaubt", await unknownKind.FieldErrorAsync("kind"));
        Assert.Contains("höchstens 200 Zeichen", await tooLong.FieldErrorAsync("title"));
        await malformedId.FieldErrorAsync("referral.partnerId");
        Assert.Equal(HttpStatusCode.NotFound, badRoute.StatusCode);
        var plan = await @case.PlanAsync();
        Assert.Equal(0, plan.GetProperty("problems")[0].GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Bad_problem_input_is_refused_with_german_field_messages()
    {
        var @case = await app.CaseAsync();

        var other = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems", new { kind = "Other" });
        var reasonless = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems", new { kind = "RentArrears", chosenAlternative = "Schuldnerberatung" });
        var unknown = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems", new { kind = 3 });

        Assert.Contains("Sonstiges", await other.FieldErrorAsync("otherText"));
        Assert.Contains("begründen", await reasonless.FieldErrorAsync("choiceReason"));
        await unknown.FieldErrorAsync("kind");
        Assert.Equal(0, (await @case.PlanAsync()).GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task Someone_who_is_not_on_the_case_sees_no_plan()
    {
        var @case = await app.CaseAsync();
        var stranger = await app.SignedInClientAsync(BuildingBlocks.Security.Roles.Fallmanagement);
        var volunteer = await app.SignedInClientAsync(BuildingBlocks.Security.Roles.Ehrenamt);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{@case.Api}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{@case.Api}/problems", new { kind = "Neglect" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"{@case.Api}/plan")).StatusCode);
    }

    [Fact]
    public async Task The_plan_page_adds_a_problem_and_a_step_and_shows_errors_inline()
    {
        var @case = await app.CaseAsync();
        var plan = @case.Page("Plan");

        var added = await @case.Client.SubmitFormAsync(plan, [new("kind", "Neglect"), new("description", "Wohnung stark vermüllt"), new("alternatives", "Entrümpelung\nHaushaltshilfe")], $"{plan}?handler=AddProblem");
        var problemId = (await @case.PlanAsync()).GetProperty("problems")[0].GetProperty("id").GetGuid();
        var refused = await @case.Client.SubmitFormAsync(plan,
            [new("problemId", problemId.ToString()), new("kind", "InternalAction"), new("title", ""), new("owner", "Frau Lange"), new("dueOn", "2026-01-05")],
            $"{plan}?handler=AddStep");
        var stepAdded = await @case.Client.SubmitFormAsync(plan,
            [new("problemId", problemId.ToString()), new("kind", "InternalAction"), new("title", "Entrümpelung organisieren"), new("owner", "Frau Lange"), new("dueOn", "2026-03-10")],
            $"{plan}?handler=AddStep");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte geben Sie einen Titel ein.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, stepAdded.StatusCode);
        var html = await @case.Client.GetStringAsync(plan);
        Assert.Contains("Verwahrlosung", html);
        Assert.Contains("Entrümpelung organisieren", html);
        Assert.Contains("aria-current=\"page\">Wege-Hilfe-Plan", html);
        Assert.Single((await @case.PlanAsync()).GetProperty("problems")[0].GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task A_stale_step_form_on_the_page_shows_the_conflict_inline()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync();
        var stepId = await @case.AddStepAsync(problemId, Internal());
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();
        (await @case.Client.PutAsJsonAsync($"{@case.Api}/steps/{stepId}",
            new { title = "Erst bestellen", owner = "Koordination", isMilestone = false, status = "Waiting", version })).EnsureSuccessStatusCode();

        var response = await @case.Client.SubmitFormAsync(@case.Page("Plan"),
            [new("stepId", stepId.ToString()), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("title", "Anders"), new("owner", "Ich"), new("status", "Done")],
            $"{@case.Page("Plan")}?handler=ChangeStep");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jemand anderes hat diesen Eintrag inzwischen geändert", await response.Content.ReadAsStringAsync());
        Assert.Equal("Erst bestellen", (await @case.PlanAsync()).Step(stepId).GetProperty("title").GetString());
    }
}
