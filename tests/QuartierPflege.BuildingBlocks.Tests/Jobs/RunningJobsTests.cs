using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

/// <summary>One Host with a Hangfire server and the probe jobs: the jobs page, the API, retries and the overlap lock.</summary>
public sealed partial class RunningJobsTests(JobsApp app) : IClassFixture<JobsApp>
{
    private const string FollowUpReminders = "case-management.send-follow-up-reminders";

    [Fact]
    public async Task Running_a_job_from_the_API_sends_its_command_once_for_the_Berlin_day()
    {
        // 22:30 UTC on 6 April is already 7 April in Berlin (summer time).
        app.Clock.Reset(Instant.FromUtc(2026, 4, 6, 22, 30));
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.PostAsync($"/api/admin/jobs/{ProbeJobs.Chime}/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("Die Aufgabe „Probe läuten“ wurde gestartet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WaitUntilSettledWithRunAsync(ProbeJobs.Chime, new LocalDate(2026, 4, 7));
        var runs = await app.RunsAsync(ProbeJobs.Chime);
        Assert.Single(runs, r => r.Day == new LocalDate(2026, 4, 7));
        Assert.DoesNotContain(runs, r => r.Day == new LocalDate(2026, 4, 6));
    }

    [Fact]
    public async Task Running_a_job_from_the_jobs_page_confirms_it_and_shows_its_last_run_in_Berlin_time_and_its_result()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 5, 12, 6, 15));
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.SubmitFormAsync("/Verwaltung/Jobs", [new("key", ProbeJobs.Chime)], postUrl: "/Verwaltung/Jobs?handler=Run");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Die Aufgabe „Probe läuten“ wurde gestartet.", await admin.GetStringAsync("/Verwaltung/Jobs"), StringComparison.Ordinal);
        await WaitUntilSettledWithRunAsync(ProbeJobs.Chime, new LocalDate(2026, 5, 12));
        // Hangfire keeps real time: the last run is when Hangfire started it, shown in Berlin time.
        var lastRun = GermanDates.Show(Instant.FromDateTimeUtc(DateTime.SpecifyKind(app.RecurringJob(ProbeJobs.Chime).LastExecution!.Value, DateTimeKind.Utc)));
        var row = RowOf(await admin.GetStringAsync("/Verwaltung/Jobs"), ProbeJobs.Chime);
        Assert.Contains($"<td>{lastRun}</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>erfolgreich</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_page_shows_each_schedule_in_German_words_with_the_next_run_in_Berlin_time_and_never_the_cron_text()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var page = await admin.GetStringAsync("/Verwaltung/Jobs");

        var reminders = app.Services.GetRequiredService<JobMonitor>().List().Single(j => j.Key == FollowUpReminders);
        Assert.Equal(new LocalTime(7, 0), reminders.NextRunAt!.Value.InBerlin().TimeOfDay);
        var row = RowOf(page, FollowUpReminders);
        Assert.Contains("Erinnerungen an fällige Wiedervorlagen senden", row, StringComparison.Ordinal);
        Assert.Contains("<td>täglich um 07:00</td>", row, StringComparison.Ordinal);
        Assert.Contains($"<td>{GermanDates.Show(reminders.NextRunAt.Value)}</td>", row, StringComparison.Ordinal);
        Assert.Contains(">Jetzt ausführen<", row, StringComparison.Ordinal);
        Assert.Contains("<td>jährlich am 29. Februar um 03:00</td>", RowOf(page, ProbeJobs.Broken), StringComparison.Ordinal);
        Assert.DoesNotContain("0 7 * * *", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ProbeJobs.RarelyDue, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Zurzeit verarbeitet kein Server", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{JobsDashboard.Path}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_lists_every_job_with_its_schedule_in_words_its_last_result_and_its_next_run()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

        Assert.True(body.GetProperty("serverEnabled").GetBoolean());
        Assert.True(body.GetProperty("activeServers").GetInt32() >= 1);
        var reminders = body.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("key").GetString() == FollowUpReminders);
        Assert.Equal("0 7 * * *", reminders.GetProperty("cron").GetString());
        Assert.Equal("täglich um 07:00", reminders.GetProperty("schedule").GetString());
        Assert.Equal("noch nicht gelaufen", reminders.GetProperty("lastResult").GetString());
        Assert.NotEqual(JsonValueKind.Null, reminders.GetProperty("nextRunAt").ValueKind);
    }

    [Fact]
    public async Task Running_a_job_that_does_not_exist_is_a_404_problem()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.PostAsync("/api/admin/jobs/gibt-es-nicht/run", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Diese Hintergrundaufgabe gibt es nicht.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_coordination_may_see_or_run_jobs()
    {
        foreach (var role in new[] { Roles.Fallmanagement, Roles.Finanzen, Roles.Ehrenamt })
        {
            var client = await app.SignedInClientAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/jobs")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/jobs/{ProbeJobs.Chime}/run", null)).StatusCode);
        }

        var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/admin/jobs/{ProbeJobs.Chime}/run", null)).StatusCode);
    }

    [Fact]
    public async Task A_run_that_fails_is_retried_by_Hangfire_and_its_command_is_then_sent_once()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.PostAsync($"/api/admin/jobs/{ProbeJobs.Flaky}/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.UntilAsync(async () => await app.RunsHandledAsync(ProbeJobs.Flaky) == 1 && await app.IsSettledAsync(), "the flaky job ran again and its command was handled");
        Assert.Equal(2, app.Controls.FlakyAttempts);
        Assert.Equal(1, await app.RunsHandledAsync(ProbeJobs.Flaky));
        var job = app.RecurringJob(ProbeJobs.Flaky);
        Assert.Contains(app.HistoryOf(job.LastJobId), s => s.Contains("Retry attempt 1 of 3: Probe: der erste Versuch schlägt fehl.", StringComparison.Ordinal));
        Assert.Contains("<td>erfolgreich</td>", RowOf(await admin.GetStringAsync("/Verwaltung/Jobs"), ProbeJobs.Flaky), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_keeps_failing_is_retried_and_then_shown_as_failed()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        await admin.PostAsync($"/api/admin/jobs/{ProbeJobs.Broken}/run", null);

        await Eventually.UntilAsync(() => app.RecurringJob(ProbeJobs.Broken).LastJobState == "Failed", "the broken job failed for good after its retries");
        var history = app.HistoryOf(app.RecurringJob(ProbeJobs.Broken).LastJobId);
        Assert.Equal(3, history.Count(s => s.Contains("Retry attempt", StringComparison.Ordinal)));
        Assert.Equal(0, await app.RunsHandledAsync(ProbeJobs.Broken));
        var row = RowOf(await admin.GetStringAsync("/Verwaltung/Jobs"), ProbeJobs.Broken);
        Assert.Contains("<td>fehlgeschlagen</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_during_a_scheduled_run_of_the_same_job_waits_for_it_and_never_overlaps()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        app.Controls.SlowGate.Reset();
        try
        {
            app.MakeDue(ProbeJobs.Slow);
            await Eventually.UntilAsync(() => app.Controls.SlowEntered == 1, "the scheduled run of the slow job started");
            var scheduledRun = app.RecurringJob(ProbeJobs.Slow).LastJobId;

            var response = await admin.PostAsync($"/api/admin/jobs/{ProbeJobs.Slow}/run", null);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var runNow = app.RecurringJob(ProbeJobs.Slow).LastJobId;
            Assert.NotEqual(scheduledRun, runNow);
            // The extra run could not take the job's lock while the scheduled run held it: it gave up after the wait
            // (Jobs:OverlapWaitTimeout) and waits for its retry (Hangfire shortens the reason shown here).
            await Eventually.UntilAsync(
                () => Task.FromResult(app.HistoryOf(runNow).Any(s => s.Contains("Retry attempt 1 of 3: Timeout expired. The timeout elapsed prior to obt", StringComparison.Ordinal))),
                () => $"the run-now attempt found the job's lock taken; its history: {string.Join(" | ", app.HistoryOf(runNow))}; slow runs entered: {app.Controls.SlowEntered}");
            Assert.Equal(1, app.Controls.SlowEntered);
        }
        finally
        {
            app.Controls.SlowGate.Set();
        }

        await Eventually.UntilAsync(async () => await app.RunsHandledAsync(ProbeJobs.Slow) == 2 && await app.IsSettledAsync(), "both runs of the slow job finished, one after the other");
        Assert.Equal(1, app.Controls.MaxRunningSlow);
        Assert.Equal(2, app.Controls.SlowEntered);
    }

    private async Task WaitUntilSettledWithRunAsync(string key, LocalDate day)
        => await Eventually.UntilAsync(
            async () => (await app.RunsAsync(key)).Any(r => r.Day == day) && await app.IsSettledAsync(),
            $"the run of {key} for {day} was handled and nothing is left to run");

    /// <summary>The table row of the jobs page that shows the job with <paramref name="key"/>.</summary>
    private static string RowOf(string page, string key)
        => TableRows().Matches(page).Select(m => m.Value).SingleOrDefault(row => row.Contains($"<code>{key}</code>", StringComparison.Ordinal))
           ?? throw new InvalidOperationException($"No row for {key} on the jobs page.");

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();
}
