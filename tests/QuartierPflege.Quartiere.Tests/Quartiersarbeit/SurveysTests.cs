using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Surveys;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Quartiere.Tests.Quartiersarbeit;

/// <summary>Activating surveys through the API and pages: designing, recording at the door, consent → concern, results.</summary>
public sealed class SurveysTests(QpApp app) : IClassFixture<QpApp>
{
    // The fake clock starts on Monday, 2 March 2026.
    private static object Questionnaire(string title = "Wohnen in Hartha", string closesOn = "2026-03-31") => new
    {
        title,
        quartier = "Hartha",
        closesOn,
        questions = new object[]
        {
            new { kind = "SingleChoice", text = "Wie lange wohnen Sie hier?", options = new[] { "unter 5 Jahre", "länger" } },
            new { kind = "MultipleChoice", text = "Was fehlt?", options = new[] { "Treffpunkte", "Busse", "Ärzte" } },
            new { kind = "Scale", text = "Wie oft fühlen Sie sich allein?", scaleFrom = 1, scaleTo = 5, lowLabel = "nie", highLabel = "sehr oft" },
            new { kind = "FreeText", text = "Was wünschen Sie sich?" },
        },
    };

    public static TheoryData<string, string, string, string> BadQuestionnaires() => new()
    {
        { "an empty questionnaire", """{"title":"Leer","quartier":"Hartha","closesOn":"2026-03-31","questions":[]}""", "questions", "Eine Befragung braucht mindestens eine Frage." },
        { "a choice question without options", """{"title":"T","quartier":"Hartha","closesOn":"2026-03-31","questions":[{"kind":"SingleChoice","text":"Wie?","options":[]}]}""", "questions[0].options", "Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten." },
        { "a scale without bounds", """{"title":"T","quartier":"Hartha","closesOn":"2026-03-31","questions":[{"kind":"Scale","text":"Wie sehr?"}]}""", "questions[0].scaleFrom", "Bitte geben Sie den kleinsten Wert der Skala an." },
        { "a scale whose lower bound is not below the upper", """{"title":"T","quartier":"Hartha","closesOn":"2026-03-31","questions":[{"kind":"Scale","text":"Wie sehr?","scaleFrom":5,"scaleTo":5}]}""", "questions[0].scaleTo", "Der größte Wert muss größer sein als der kleinste." },
        { "an over-long title", $$"""{"title":"{{new string('x', 201)}}","quartier":"Hartha","closesOn":"2026-03-31","questions":[{"kind":"FreeText","text":"Was?"}]}""", "title", "Der Titel darf höchstens 200 Zeichen lang sein." },
        { "an over-long question", $$"""{"title":"T","quartier":"Hartha","closesOn":"2026-03-31","questions":[{"kind":"FreeText","text":"{{new string('x', 501)}}"}]}""", "questions[0].text", "Eine Frage darf höchstens 500 Zeichen lang sein." },
        { "a close date in the past", """{"title":"T","quartier":"Hartha","closesOn":"2026-03-01","questions":[{"kind":"FreeText","text":"Was?"}]}""", "closesOn", "Das Ende der Befragung darf nicht in der Vergangenheit liegen." },
        { "a Quartier not in the list", """{"title":"T","quartier":"Atlantis","closesOn":"2026-03-31","questions":[{"kind":"FreeText","text":"Was?"}]}""", "quartier", "Bitte wählen Sie ein Quartier aus der Liste." },
    };

    [Theory]
    [MemberData(nameof(BadQuestionnaires))]
    public async Task A_bad_questionnaire_is_refused_with_a_German_field_message_and_nothing_is_stored(string what, string json, string field, string message)
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var before = await CountAsync<Survey>();

        var response = await coordination.PostAsync("/api/quartiere/surveys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(before, await CountAsync<Survey>());
    }

    [Fact]
    public async Task The_design_page_refuses_an_empty_questionnaire_inline_with_an_error_summary_and_stores_nothing()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var before = await CountAsync<Survey>();

        var response = await coordination.SubmitFormAsync("/Quartiere/Befragungen/Neu",
            ("title", "Leer"), ("quartier", "Hartha"), ("closesOn", "2026-03-31"), ("slots", "4"), ("questions[1].kind", "Scale"), ("questions[1].text", "Wie sehr?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        // The message of the second slot's question shows at that slot (the use case saw it as the first question).
        Assert.Contains("<a href=\"#questions-1-scaleFrom\">Bitte geben Sie den kleinsten Wert der Skala an.</a>", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync<Survey>());
    }

    [Fact]
    public async Task Volunteers_record_anonymous_answers_and_coordination_sees_counts_scale_and_grouped_free_texts()
    {
        var (surveyId, questions) = await DesignAsync();
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        var open = await volunteer.GetFromJsonAsync<JsonElement>("/api/quartiere/surveys?offen=true");
        Assert.Contains(open.EnumerateArray(), s => s.GetProperty("id").GetGuid() == surveyId);

        await AnswerAsync(volunteer, surveyId, Answer(questions, [1], [0, 2], 4, "Ein Café"));
        await AnswerAsync(volunteer, surveyId, Answer(questions, [1], [0], 2, "ein  café"));
        await AnswerAsync(volunteer, surveyId, Answer(questions, [0], [], 5, "Mehr Busse"));

        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var result = await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/surveys/{surveyId}/results");
        Assert.Equal(3, result.GetProperty("answers").GetInt32());
        var q = result.GetProperty("questions");
        Assert.Equal([1, 2], q[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal([2, 0, 1], q[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal([0, 1, 0, 1, 1], q[2].GetProperty("scale").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        Assert.Equal(3.7m, q[2].GetProperty("mean").GetDecimal());
        var texts = q[3].GetProperty("texts").EnumerateArray().Select(t => (t.GetProperty("text").GetString(), t.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("Ein Café", 2), ("Mehr Busse", 1)], texts);
    }

    [Fact]
    public async Task Leaving_contact_details_with_consent_creates_a_concern_in_the_case_managers_queue_and_the_results_do_not_show_them()
    {
        var (surveyId, questions) = await DesignAsync("Kontakt an der Tür");
        var volunteerUser = await app.CreateUserAsync(Roles.Ehrenamt, "Gerda Schubert");
        var volunteer = await app.SignedInClientAsync(volunteerUser);
        var body = new
        {
            answers = new object[] { new { questionId = questions[3], text = "Jemand zum Reden" } },
            contact = new { name = "Erna Weißbach", phone = "03431 123456", address = "Bahnhofstraße 7, Hartha", note = "Möchte wissen, welche Hilfe es gibt.", consent = true },
        };

        var tracked = await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.Created, (await volunteer.PostAsJsonAsync($"/api/quartiere/surveys/{surveyId}/answers", body)).StatusCode));

        var sent = tracked.Sent.SingleMessage<SurveyContactLeft>();
        Assert.Equal(("Kontakt an der Tür", "Hartha", "Erna Weißbach"), (sent.SurveyTitle, sent.Quartier, sent.ContactName));
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var concerns = await caseManager.GetFromJsonAsync<JsonElement>("/api/case-management/concerns");
        var concern = Assert.Single(concerns.EnumerateArray(), c => c.GetProperty("residentName").GetString() == "Erna Weißbach");
        Assert.Equal("Bahnhofstraße 7, Hartha", concern.GetProperty("residentAddress").GetString());
        Assert.Equal("Aktivierende Befragung „Kontakt an der Tür“ (erfasst von Gerda Schubert)", concern.GetProperty("reportedByName").GetString());
        var description = concern.GetProperty("description").GetString()!;
        Assert.Contains("Telefon: 03431 123456", description, StringComparison.Ordinal);
        Assert.Contains("Möchte wissen, welche Hilfe es gibt.", description, StringComparison.Ordinal);

        // Handled again (after a crash): still one concern.
        await app.PublishAndTrackAsync(sent);
        concerns = await caseManager.GetFromJsonAsync<JsonElement>("/api/case-management/concerns");
        Assert.Single(concerns.EnumerateArray(), c => c.GetProperty("residentName").GetString() == "Erna Weißbach");

        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var results = await coordination.GetStringAsync($"/api/quartiere/surveys/{surveyId}/results");
        var page = await coordination.GetStringAsync($"/Quartiere/Befragungen/{surveyId}/Ergebnisse");
        Assert.DoesNotContain("Weißbach", WebUtility.HtmlDecode(results + page), StringComparison.Ordinal);
        Assert.DoesNotContain("123456", results + page, StringComparison.Ordinal);
        Assert.Equal(1, (await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/surveys/{surveyId}/results")).GetProperty("contactsLeft").GetInt32());
    }

    public static TheoryData<string, string, string> BadAnswers() => new()
    {
        { "contact details without consent", """{"answers":[],"contact":{"name":"Max Muster","phone":"0341 1234567","consent":false}}""", "contact.consent" },
        { "consent without a name", """{"answers":[],"contact":{"phone":"0341 1234567","consent":true}}""", "contact.name" },
        { "an over-long free-text answer", $$"""{"answers":[{"questionId":"QUESTION3","text":"{{new string('x', 2001)}}"}]}""", "answers[0].text" },
        { "a scale value outside the bounds", """{"answers":[{"questionId":"QUESTION2","scale":9}]}""", "answers[0].scale" },
        { "two options to a single-choice question", """{"answers":[{"questionId":"QUESTION0","choices":[0,1]}]}""", "answers[0].choices" },
        { "nothing answered", """{"answers":[]}""", "answers" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_refused_with_a_German_field_message_and_nothing_is_stored_or_sent(string what, string json, string field)
    {
        var (surveyId, questions) = await DesignAsync();
        for (var i = 0; i < questions.Count; i++)
        {
            json = json.Replace($"QUESTION{i}", questions[i].ToString(), StringComparison.Ordinal);
        }

        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        var before = await CountAsync<SurveyAnswer>();
        HttpResponseMessage? response = null;
        var tracked = await app.TrackAsync(async () =>
            response = await volunteer.PostAsync($"/api/quartiere/surveys/{surveyId}/answers", new StringContent(json, System.Text.Encoding.UTF8, "application/json")));

        Assert.True(response!.StatusCode == HttpStatusCode.BadRequest, what);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.NotEmpty(errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(before, await CountAsync<SurveyAnswer>());
        Assert.Empty(tracked.Sent.MessagesOf<SurveyContactLeft>());
    }

    [Fact]
    public async Task An_answer_to_a_closed_survey_is_refused_in_German_and_nothing_is_stored()
    {
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        var before = await CountAsync<SurveyAnswer>();
        var survey = await volunteer.GetFromJsonAsync<JsonElement>($"/api/quartiere/surveys/{DemoSurveys.ClosedSurveyId}");
        var question = survey.GetProperty("questions")[3].GetProperty("id").GetGuid();

        var response = await volunteer.PostAsJsonAsync($"/api/quartiere/surveys/{DemoSurveys.ClosedSurveyId}/answers",
            new { answers = new[] { new { questionId = question, text = "Zu spät" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("survey")[0].GetString();
        Assert.StartsWith("Die Befragung „Gut älter werden in Döbeln-Ost“ ist seit dem ", message, StringComparison.Ordinal);
        Assert.EndsWith("geschlossen; es werden keine Antworten mehr erfasst.", message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync<SurveyAnswer>());
    }

    [Fact]
    public async Task Volunteers_cannot_design_surveys_or_read_results_and_finance_cannot_record_answers()
    {
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.PostAsJsonAsync("/api/quartiere/surveys", Questionnaire())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/quartiere/surveys/{DemoSurveys.ClosedSurveyId}/results")).StatusCode);
        await Pages.AssertNoAccessAsync(volunteer, $"/Quartiere/Befragungen/{DemoSurveys.ClosedSurveyId}/Ergebnisse");
        await Pages.AssertNoAccessAsync(volunteer, "/Quartiere/Befragungen/Neu");

        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var (surveyId, questions) = await DesignAsync();
        var response = await finance.PostAsJsonAsync($"/api/quartiere/surveys/{surveyId}/answers", new { answers = new[] { new { questionId = questions[3], text = "x" } } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/api/quartiere/surveys")).StatusCode);
    }

    [Fact]
    public async Task The_demo_closed_survey_has_forty_answers_and_results_for_every_question()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var result = await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/surveys/{DemoSurveys.ClosedSurveyId}/results");
        Assert.Equal(40, result.GetProperty("answers").GetInt32());
        Assert.False(result.GetProperty("open").GetBoolean());
        Assert.Equal(40, result.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Sum(o => o.GetProperty("count").GetInt32()));
        Assert.True(result.GetProperty("questions")[3].GetProperty("texts").GetArrayLength() > 1);
    }

    private async Task<(Guid Id, List<Guid> Questions)> DesignAsync(string title = "Wohnen in Hartha")
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var response = await coordination.PostAsJsonAsync("/api/quartiere/surveys", Questionnaire(title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var survey = await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/surveys/{id}");
        return (id, [.. survey.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid())]);
    }

    private static object Answer(List<Guid> questions, int[] single, int[] multiple, int scale, string text) => new
    {
        answers = new object[]
        {
            new { questionId = questions[0], choices = single },
            new { questionId = questions[1], choices = multiple },
            new { questionId = questions[2], scale },
            new { questionId = questions[3], text },
        },
    };

    private static async Task AnswerAsync(HttpClient client, Guid surveyId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/quartiere/surveys/{surveyId}/answers", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private Task<int> CountAsync<T>()
        where T : notnull
        => app.InScopeAsync(s => s.GetRequiredService<IQuerySession>().Query<T>().CountAsync());
}
