using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class HomeVisitTests(PlanningApp app) : IClassFixture<PlanningApp>
{
    private static object Visit(string visitedOn = "2026-02-27", object? answers = null, string[]? flagged = null) => new
    {
        visitedOn,
        visitedBy = "Petra Lange",
        templateKey = "hausbesuch-2026",
        templateVersion = 1,
        answers = answers ?? new Dictionary<string, string>
        {
            ["stuerze-letztes-jahr"] = "yes",
            ["mobilitaet-treppe"] = "yes",
            ["soziale-kontakte-bezugsperson"] = "die Nichte in Leipzig",
        },
        domainNotes = new Dictionary<string, string> { ["stuerze"] = "Sturz im Bad im Januar" },
        flaggedDomains = flagged ?? ["soziale-kontakte"],
        notes = "Freundlicher Empfang.",
    };

    [Fact]
    public async Task A_recorded_visit_shows_domain_scores_and_findings()
    {
        var @case = await app.CaseAsync();

        (await @case.Client.PostAsJsonAsync($"{@case.Api}/home-visits", Visit())).EnsureSuccessStatusCode();

        var view = await (await @case.Client.GetAsync($"{@case.Api}/home-visits")).ShouldBeAsync<JsonElement>(200);
        var visit = Assert.Single(view.GetProperty("visits").EnumerateArray());
        var domains = visit.GetProperty("domains").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!);
        Assert.Equal(2, domains["stuerze"].GetProperty("score").GetInt32());
        Assert.True(domains["stuerze"].GetProperty("isFinding").GetBoolean());
        Assert.True(domains["soziale-kontakte"].GetProperty("isFinding").GetBoolean());
        Assert.False(domains["mobilitaet"].GetProperty("isFinding").GetBoolean());
        Assert.Equal("Sturz im Bad im Januar", domains["stuerze"].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Findings_become_problem_situations_with_one_action_and_only_once()
    {
        var @case = await app.CaseAsync();
        var created = await (await @case.Client.PostAsJsonAsync($"{@case.Api}/home-visits", Visit())).ShouldBeAsync<JsonElement>(201);
        var visitId = created.GetProperty("id").GetGuid();

        var first = await (await @case.Client.PostAsync($"{@case.Api}/home-visits/{visitId}/problems", null)).ShouldBeAsync<JsonElement>(200);
        var second = await (await @case.Client.PostAsync($"{@case.Api}/home-visits/{visitId}/problems", null)).ShouldBeAsync<JsonElement>(200);

        Assert.Equal(2, first.GetProperty("problemIds").GetArrayLength());
        Assert.Equal(0, second.GetProperty("problemIds").GetArrayLength());
        var kinds = (await @case.PlanAsync()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["AgeOrIllnessLimitation", "Loneliness"], kinds);
    }

    [Theory]
    [InlineData("2026-02-19", "vor der Eröffnung")]
    [InlineData("2026-03-03", "Zukunft")]
    public async Task A_visit_before_the_case_opened_or_in_the_future_is_refused(string visitedOn, string message)
    {
        var @case = await app.CaseAsync();

        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/home-visits", Visit(visitedOn));

        Assert.Contains(message, await response.FieldErrorAsync("visitedOn"));
        await AssertNoVisitsAsync(@case);
    }

    [Fact]
    public async Task Unknown_questions_wrong_answers_and_missing_fields_are_refused_with_field_messages()
    {
        var @case = await app.CaseAsync();
        var answers = new Dictionary<string, string> { ["stuerze-letztes-jahr"] = "vielleicht", ["gibt-es-nicht"] = "yes" };

        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/home-visits", new { answers, notes = new string('x', 4001) });

        var problem = await response.ShouldBeAsync<JsonElement>(400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("ja", errors.GetProperty("answers.stuerze-letztes-jahr")[0].GetString());
        Assert.Contains("nicht zur Checkliste", errors.GetProperty("answers.gibt-es-nicht")[0].GetString());
        Assert.Contains("Datum", errors.GetProperty("visitedOn")[0].GetString());
        Assert.Contains("wer", errors.GetProperty("visitedBy")[0].GetString());
        Assert.Contains("4000", errors.GetProperty("notes")[0].GetString());
        await AssertNoVisitsAsync(@case);
    }

    [Fact]
    public async Task A_malformed_date_is_a_field_message_and_a_foreign_case_is_not_found()
    {
        var @case = await app.CaseAsync();
        var stranger = await app.SignedInClientAsync(BuildingBlocks.Security.Roles.Fallmanagement);

        var malformed = await @case.Client.PostAsync($"{@case.Api}/home-visits",
            new StringContent("""{"visitedOn":"27.02.2026","visitedBy":"P. Lange"}""", System.Text.Encoding.UTF8, "application/json"));
        var foreign = await stranger.PostAsJsonAsync($"{@case.Api}/home-visits", Visit());

        await malformed.FieldErrorAsync("visitedOn");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await @case.Client.GetAsync("/api/case-management/cases/keine-id/home-visits")).StatusCode);
        await AssertNoVisitsAsync(@case);
    }

    [Fact]
    public async Task The_page_renders_the_checklist_and_records_a_visit()
    {
        var @case = await app.CaseAsync();

        var page = await @case.Client.GetStringAsync(@case.Page("Hausbesuche"));
        var response = await @case.Client.SubmitFormAsync(@case.Page("Hausbesuche"),
            ("visitedOn", "2026-03-01"), ("visitedBy", "Petra Lange"), ("answers.stuerze-letztes-jahr", "yes"), ("flaggedDomains", "stimmung"));

        Assert.Contains("Neuer Hausbesuch", page);
        Assert.Contains("Ist die Person in den letzten 12 Monaten gestürzt?", page);
        Assert.Contains("Gesetzliche Leistungen (Pflegegrad, Entlastungsbetrag)", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await @case.Client.GetStringAsync(@case.Page("Hausbesuche"));
        Assert.Contains("Besuch am 01.03.2026", after);
        Assert.Contains("Befunde als Problemlagen übernehmen (2)", after);
    }

    [Fact]
    public async Task The_page_shows_bad_input_inline_and_stores_nothing()
    {
        var @case = await app.CaseAsync();

        var response = await @case.Client.SubmitFormAsync(@case.Page("Hausbesuche"),
            ("visitedOn", "2026-02-01"), ("visitedBy", ""), ("answers.mobilitaet-wohnung", "7"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte geben Sie an, wer den Besuch gemacht hat.", html);
        Assert.Contains("Bitte wählen Sie einen Wert von 0 bis 3.", html);
        await AssertNoVisitsAsync(@case);
    }

    private static async Task AssertNoVisitsAsync(TestCase @case)
    {
        var view = await (await @case.Client.GetAsync($"{@case.Api}/home-visits")).ShouldBeAsync<JsonElement>(200);
        Assert.Equal(0, view.GetProperty("visits").GetArrayLength());
    }
}
