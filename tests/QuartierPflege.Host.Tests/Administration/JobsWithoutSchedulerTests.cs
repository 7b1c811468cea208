using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Administration;

/// <summary>
/// QpApp runs without a Hangfire server (<c>Jobs:ServerEnabled=false</c>), as a web-only Host would, and no other Host
/// runs one on its database: the schedule is still known (it lives in the database), but nothing would take a run.
/// </summary>
public sealed class JobsWithoutSchedulerTests(QpApp app) : IClassFixture<QpApp>
{
    private const string FollowUpReminders = "case-management.send-follow-up-reminders";

    [Fact]
    public async Task A_Host_without_a_Hangfire_server_starts_and_the_jobs_page_says_that_no_server_runs_jobs()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var page = await admin.GetStringAsync("/Verwaltung/Jobs");

        Assert.Contains("<h1>Hintergrundaufgaben</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Zurzeit verarbeitet kein Server Hintergrundaufgaben (Einstellung Jobs:ServerEnabled)", page, StringComparison.Ordinal);
        Assert.Contains("Erinnerungen an fällige Wiedervorlagen senden", page, StringComparison.Ordinal);
        Assert.Contains("täglich um 07:00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jetzt ausführen<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_Hangfire_server_the_API_lists_the_schedule_and_refuses_to_run_a_job()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var run = await admin.PostAsync($"/api/admin/jobs/{FollowUpReminders}/run", null);

        Assert.False(body.GetProperty("serverEnabled").GetBoolean());
        Assert.Equal(0, body.GetProperty("activeServers").GetInt32());
        var reminders = body.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("key").GetString() == FollowUpReminders);
        Assert.NotEqual(JsonValueKind.Null, reminders.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        var problem = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Jobs:ServerEnabled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
