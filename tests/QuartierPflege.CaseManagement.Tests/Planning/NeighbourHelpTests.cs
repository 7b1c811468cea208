using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using Wolverine.Tracking;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class NeighbourHelpTests(PlanningApp app) : IClassFixture<PlanningApp>
{
    private static readonly object Help = new
    {
        kind = "NeighbourHelp",
        title = "Besuchsdienst einrichten",
        owner = "Petra Lange",
        isMilestone = true,
        neighbourHelp = new
        {
            roleProfileKey = "besuchsdienst",
            description = "Gesellschaft beim Kaffee, gern Spaziergang im Park.",
            hoursPerMonth = 8,
            preferredTimes = "nachmittags",
            startsOn = "2026-03-09",
        },
    };

    private static readonly HelperCandidate Anna = new(Guid.NewGuid(), "Anna Schmidt", PlanningTestData.Quartier, ["Deutsch", "Russisch"], 12.5m, ["besuchsdienst"]);
    private static readonly HelperCandidate Bernd = new(Guid.NewGuid(), "Bernd Vogel", PlanningTestData.Quartier, ["Deutsch"], 20m, ["besuchsdienst", "einkaufshilfe"]);

    [Fact]
    public async Task Neighbour_help_needs_the_consent_to_involve_neighbours()
    {
        var @case = await app.CaseAsync();
        var problemId = await @case.AddProblemAsync();

        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/{problemId}/steps", Help);

        Assert.Contains("Nachbarschaftshilfe einbeziehen", await response.FieldErrorAsync("consent"));
    }

    [Fact]
    public async Task The_request_carries_address_and_description_and_the_page_says_when_no_neighbour_fits()
    {
        var (@case, stepId, requestId, tracked) = await RequestedAndTrackedAsync();

        var request = Assert.Single(tracked.Published<NeighbourHelpRequested>());
        var html = await @case.Client.GetStringAsync(@case.Page("Plan"));

        Assert.Equal(requestId, request.RequestId);
        Assert.Equal(@case.CaseId, request.CaseId);
        Assert.Equal("Bahnhofstraße", request.ResidentAddress.Street);
        Assert.Equal("2. OG links", request.ResidentAddress.Flat);
        Assert.Equal(8, request.HoursPerMonth);
        Assert.Equal("besuchsdienst", request.RoleProfileKey);
        // The Volunteers module answered within the tracked session: this database has no volunteers.
        Assert.Contains("keine passende, freie Helfer:in", html);
        Assert.DoesNotContain("Vorschläge werden gesucht", html);
        Assert.Equal("Waiting", (await @case.PlanAsync()).Step(stepId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Proposed_helpers_appear_on_the_step()
    {
        var (@case, stepId, requestId) = await RequestedAsync();

        await app.PublishAndWaitAsync(new HelpersProposed(Guid.NewGuid(), default, requestId, [Anna, Bernd]));

        var help = (await @case.PlanAsync()).Step(stepId).GetProperty("neighbourHelp");
        Assert.Equal("Proposed", help.GetProperty("status").GetString());
        Assert.Equal(["Anna Schmidt", "Bernd Vogel"], help.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()));
        var html = await @case.Client.GetStringAsync(@case.Page("Plan"));
        Assert.Contains("Anna Schmidt", html);
        Assert.Contains("noch 12,5 Std. frei", html);
        Assert.DoesNotContain("Vorschläge werden gesucht", html);
    }

    [Fact]
    public async Task Choosing_a_helper_without_all_three_declarations_is_refused()
    {
        var (@case, stepId, requestId) = await RequestedAsync();
        await app.PublishAndWaitAsync(new HelpersProposed(Guid.NewGuid(), default, requestId, [Anna]));
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();

        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/helper",
            new { volunteerId = Anna.VolunteerId, notRelatedUpToSecondDegree = true, notSameHousehold = false, version }));

        var errors = (await response.ShouldBeAsync<JsonElement>(400)).GetProperty("errors");
        Assert.Contains("Haushalt", errors.GetProperty("notSameHousehold")[0].GetString());
        Assert.Contains("Pflegeperson", errors.GetProperty("notRegisteredCarer")[0].GetString());
        Assert.False(errors.TryGetProperty("notRelatedUpToSecondDegree", out _));
        Assert.Empty(tracked.Published<HelperChosen>());
    }

    [Fact]
    public async Task A_chosen_helper_is_announced_and_the_started_assignment_puts_the_step_in_progress()
    {
        var (@case, stepId, requestId) = await RequestedAsync();
        await app.PublishAndWaitAsync(new HelpersProposed(Guid.NewGuid(), default, requestId, [Anna, Bernd]));

        var version = Version(await @case.PlanAsync(), stepId);
        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await @case.Client.SubmitFormAsync(@case.Page("Plan"),
            [
                new("stepId", stepId.ToString()), new("version", version), new("volunteerId", Bernd.VolunteerId.ToString()),
                new("notRelatedUpToSecondDegree", "true"), new("notSameHousehold", "true"), new("notRegisteredCarer", "true"),
            ],
            $"{@case.Page("Plan")}?handler=ChooseHelper"));
        var chosen = Assert.Single(tracked.Published<HelperChosen>());
        var started = new AssignmentStarted(Guid.NewGuid(), default, Guid.NewGuid(), requestId, @case.CaseId, Bernd.VolunteerId, "besuchsdienst", "aufwandspauschale", new LocalDate(2026, 3, 9));
        await app.PublishAndWaitAsync(started);
        await app.PublishAndWaitAsync(started with { MessageId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(requestId, chosen.RequestId);
        Assert.Equal(Bernd.VolunteerId, chosen.VolunteerId);
        Assert.Equal(@case.Manager.Id, chosen.ChosenBy);
        Assert.True(chosen.Declarations.NotRegisteredCarer);
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("InProgress", step.GetProperty("status").GetString());
        Assert.Equal("Started", step.GetProperty("neighbourHelp").GetProperty("status").GetString());
        Assert.Equal("Bernd Vogel", step.GetProperty("neighbourHelp").GetProperty("chosenVolunteerName").GetString());
        Assert.Single(step.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString()!.StartsWith("Einsatz begonnen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_assignment_waits_with_the_reasons_and_a_suspended_helper_is_flagged()
    {
        var (@case, stepId, requestId) = await RequestedAsync();
        await app.PublishAndWaitAsync(new HelpersProposed(Guid.NewGuid(), default, requestId, [Anna, Bernd]));
        await ChooseAsync(@case, stepId, Anna);
        await app.PublishAndWaitAsync(new AssignmentRefused(Guid.NewGuid(), default, requestId, Anna.VolunteerId, ["Mehr als 40 Stunden im Monat."]));
        var refused = (await @case.PlanAsync()).Step(stepId);
        await ChooseAsync(@case, stepId, Bernd);
        await app.PublishAndWaitAsync(new AssignmentStarted(Guid.NewGuid(), default, Guid.NewGuid(), requestId, @case.CaseId, Bernd.VolunteerId, "besuchsdienst", "unentgeltlich", new LocalDate(2026, 3, 9)));

        await app.PublishAndWaitAsync(new EnrolmentSuspended(Guid.NewGuid(), default, Bernd.VolunteerId, "besuchsdienst", "Erste-Hilfe-Kurs abgelaufen", new LocalDate(2026, 3, 15)));

        Assert.Equal("Waiting", refused.GetProperty("status").GetString());
        // The real Volunteers module answers the choice first (it does not know the test's helper); the step keeps the
        // first refusal's reasons.
        Assert.StartsWith("Die gewählte Person ist als Ehrenamtliche", refused.GetProperty("neighbourHelp").GetProperty("refusalReasons")[0].GetString());
        var flag = (await @case.PlanAsync()).Step(stepId).GetProperty("flag");
        Assert.Equal("HelperSuspended", flag.GetProperty("kind").GetString());
        Assert.StartsWith("Helfer:in vorübergehend nicht einsatzbereit – bitte neue Helfer:in wählen", flag.GetProperty("text").GetString());
        Assert.Contains("Helfer:in vorübergehend nicht einsatzbereit", await @case.Client.GetStringAsync(@case.Page("Plan")));
    }

    [Fact]
    public async Task Withdrawing_neighbour_help_needs_a_reason_cancels_the_step_and_tells_the_Volunteers_module_once()
    {
        var (@case, stepId, requestId) = await RequestedAsync();
        await app.PublishAndWaitAsync(new HelpersProposed(Guid.NewGuid(), default, requestId, [Anna, Bernd]));
        await ChooseAsync(@case, stepId, Bernd);
        await app.PublishAndWaitAsync(new AssignmentStarted(Guid.NewGuid(), default, Guid.NewGuid(), requestId, @case.CaseId, Bernd.VolunteerId, "besuchsdienst", "unentgeltlich", new LocalDate(2026, 3, 9)));
        var plan = await @case.Client.GetStringAsync(@case.Page("Plan"));
        var version = Version(await @case.PlanAsync(), stepId);

        var withoutReason = await @case.Client.SubmitFormAsync(@case.Page("Plan"),
            [new("stepId", stepId.ToString()), new("version", version), new("reason", " ")],
            $"{@case.Page("Plan")}?handler=WithdrawNeighbourHelp");
        var cancelledByForm = await @case.Client.PutAsJsonAsync($"{@case.Api}/steps/{stepId}",
            new { title = "Besuchsdienst einrichten", owner = "Petra Lange", isMilestone = true, status = "Cancelled", version = int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) });
        var tooLong = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/withdraw-neighbour-help", new { reason = new string('x', 1001), version = int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) });
        HttpResponseMessage response = null!;
        var tracked = await app.TrackAsync(async () => response = await @case.Client.SubmitFormAsync(@case.Page("Plan"),
            [new("stepId", stepId.ToString()), new("version", version), new("reason", "Die Tochter übernimmt die Besuche.")],
            $"{@case.Page("Plan")}?handler=WithdrawNeighbourHelp"));
        var again = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/withdraw-neighbour-help",
            new { reason = "Noch einmal", version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetInt32() });

        Assert.Contains("Nachbarschaftshilfe zurückziehen", plan);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Bitte geben Sie den Grund für das Zurückziehen an.", await withoutReason.Content.ReadAsStringAsync());
        Assert.Contains("höchstens 1000 Zeichen", await tooLong.FieldErrorAsync("reason"));
        Assert.Contains("Nachbarschaftshilfe zurückziehen", await cancelledByForm.FieldErrorAsync("status"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var withdrawn = Assert.Single(tracked.Published<NeighbourHelpWithdrawn>());
        Assert.Equal((requestId, "Die Tochter übernimmt die Besuche."), (withdrawn.RequestId, withdrawn.Reason));
        var step = (await @case.PlanAsync()).Step(stepId);
        Assert.Equal("Cancelled", step.GetProperty("status").GetString());
        Assert.Equal("Withdrawn", step.GetProperty("neighbourHelp").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var after = await @case.Client.GetStringAsync(@case.Page("Plan"));
        Assert.Contains("Die Tochter übernimmt die Besuche.", after);
        Assert.DoesNotContain(">Nachbarschaftshilfe zurückziehen<", after);
    }

    private async Task ChooseAsync(TestCase @case, Guid stepId, HelperCandidate helper)
    {
        var version = (await @case.PlanAsync()).Step(stepId).GetProperty("version").GetUInt32();
        // Waits for the whole cascade (the real Volunteers module answers the choice too), so that an answer the test
        // publishes afterwards is the last one the step hears, whatever the timing.
        HttpResponseMessage? response = null;
        await app.TrackAsync(async () => response = await @case.Client.PostAsJsonAsync($"{@case.Api}/steps/{stepId}/helper",
            new { volunteerId = helper.VolunteerId, notRelatedUpToSecondDegree = true, notSameHousehold = true, notRegisteredCarer = true, version }));
        Assert.Equal(HttpStatusCode.NoContent, response!.StatusCode);
    }

    private static string Version(JsonElement plan, Guid stepId)
        => plan.Step(stepId).GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(TestCase Case, Guid StepId, Guid RequestId)> RequestedAsync()
    {
        var (@case, stepId, requestId, _) = await RequestedAndTrackedAsync();
        return (@case, stepId, requestId);
    }

    private async Task<(TestCase Case, Guid StepId, Guid RequestId, ITrackedSession Tracked)> RequestedAndTrackedAsync()
    {
        var @case = await app.CaseAsync();
        app.Consent.Grant(@case.ResidentId, ConsentPurpose.InvolveNeighbours);
        var problemId = await @case.AddProblemAsync();
        var stepId = Guid.Empty;
        var tracked = await app.TrackAsync(async () => stepId = await @case.AddStepAsync(problemId, Help));
        var requestId = (await @case.PlanAsync()).Step(stepId).GetProperty("neighbourHelp").GetProperty("requestId").GetGuid();
        return (@case, stepId, requestId, tracked);
    }
}
