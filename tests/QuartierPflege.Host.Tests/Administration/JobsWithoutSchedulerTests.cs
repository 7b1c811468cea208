using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Administration;

/// <summary>QpApp runs without a scheduler (<c>Jobs:SchedulerEnabled=false</c>), as a web-only Host would.</summary>
public sealed class JobsWithoutSchedulerTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_Host_without_the_scheduler_starts_and_the_jobs_page_says_so()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var page = await admin.GetStringAsync("/Verwaltung/Jobs");

        Assert.Contains("<h1>Hintergrundaufgaben</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Auf diesem Server ist der Planer für Hintergrundaufgaben ausgeschaltet", page, StringComparison.Ordinal);
        Assert.Contains("Zugestellte Nachrichten nach der Aufbewahrungsfrist löschen", page, StringComparison.Ordinal);
        Assert.Contains("täglich um 03:30 Uhr", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jetzt ausführen<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_scheduler_the_API_lists_jobs_without_next_runs_and_refuses_to_run_one()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var run = await admin.PostAsync($"/api/admin/jobs/{MessagingRegistration.PruneJobKey}/run", null);

        Assert.False(body.GetProperty("schedulerEnabled").GetBoolean());
        var prune = body.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("key").GetString() == MessagingRegistration.PruneJobKey);
        Assert.Equal(JsonValueKind.Null, prune.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        var problem = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Jobs:SchedulerEnabled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_page_is_in_English_when_English_is_chosen()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        await admin.SubmitFormAsync("/", [new("culture", "en"), new("returnUrl", "/")], postUrl: "/Sprache");

        var page = await admin.GetStringAsync("/Verwaltung/Jobs");

        Assert.Contains("<h1>Background jobs</h1>", page, StringComparison.Ordinal);
        Assert.Contains("daily at 03:30", page, StringComparison.Ordinal);
        Assert.Contains("Next run", page, StringComparison.Ordinal);
    }
}
