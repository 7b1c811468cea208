using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Tests.OldRelayProbe;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

public sealed partial class RunningJobsTests(SchedulerApp app) : IClassFixture<SchedulerApp>
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.uuuu HH:mm");

    [Fact]
    public async Task Running_a_job_from_the_API_publishes_its_command_once_for_the_Berlin_day()
    {
        // 22:30 UTC on 6 April is already 7 April in Berlin (summer time).
        app.Clock.Reset(Instant.FromUtc(2026, 4, 6, 22, 30));
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var sentBefore = await app.ChimesSentAsync();

        var response = await admin.PostAsync($"/api/admin/jobs/{ChimeJob.Key}/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("Die Aufgabe „Probe läuten“ wurde gestartet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WaitUntilChimedAsync(new LocalDate(2026, 4, 7));
        Assert.Equal(sentBefore + 1, await app.ChimesSentAsync());
        Assert.Equal(1, await app.ChimesHandledAsync(new LocalDate(2026, 4, 7)));
        Assert.Equal(0, await app.ChimesHandledAsync(new LocalDate(2026, 4, 6)));
    }

    [Fact]
    public async Task Running_a_job_from_the_admin_page_confirms_it_and_shows_when_it_ran()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 5, 12, 6, 15));
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.SubmitFormAsync("/Verwaltung/Jobs", [new("key", ChimeJob.Key)], postUrl: "/Verwaltung/Jobs?handler=Run");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Die Aufgabe „Probe läuten“ wurde gestartet.", await admin.GetStringAsync("/Verwaltung/Jobs"), StringComparison.Ordinal);
        await WaitUntilChimedAsync(new LocalDate(2026, 5, 12));
        Assert.Equal(1, await app.ChimesHandledAsync(new LocalDate(2026, 5, 12)));
        await MessageWaiting.WaitUntilAsync(
            async () => RowOf(await admin.GetStringAsync("/Verwaltung/Jobs"), ChimeJob.Key).Contains("12.05.2026 08:15", StringComparison.Ordinal),
            "the jobs page shows the run at 08:15 Berlin time as the chime's last run");
    }

    [Fact]
    public async Task The_jobs_page_lists_the_prune_job_with_its_next_run_in_Berlin_time()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var page = await admin.GetStringAsync("/Verwaltung/Jobs");

        var prune = (await app.Services.GetRequiredService<JobMonitor>().ListAsync(CancellationToken.None))
            .Single(j => j.Key == MessagingRegistration.PruneJobKey);
        var next = prune.NextRunAt!.Value.InBerlin().LocalDateTime;
        Assert.Equal(new LocalTime(3, 30), next.TimeOfDay);
        var row = RowOf(page, MessagingRegistration.PruneJobKey);
        Assert.Contains("Zugestellte Nachrichten nach der Aufbewahrungsfrist löschen", row, StringComparison.Ordinal);
        Assert.Contains("täglich um 03:30 Uhr", row, StringComparison.Ordinal);
        Assert.Contains($"<td>{Shown.Format(next)}</td>", row, StringComparison.Ordinal);
        Assert.Contains(">Jetzt ausführen<", row, StringComparison.Ordinal);
        Assert.DoesNotContain("ausgeschaltet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_lists_every_job_with_its_schedule_and_next_run()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");

        Assert.True(body.GetProperty("schedulerEnabled").GetBoolean());
        var prune = body.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("key").GetString() == MessagingRegistration.PruneJobKey);
        Assert.Equal("0 30 3 * * ?", prune.GetProperty("cron").GetString());
        Assert.Equal("täglich um 03:30 Uhr", prune.GetProperty("schedule").GetString());
        Assert.NotEqual(JsonValueKind.Null, prune.GetProperty("nextRunAt").ValueKind);
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
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/jobs/{ChimeJob.Key}/run", null)).StatusCode);
        }

        var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task The_prune_job_deletes_handled_messages_older_than_the_retention()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 6, 1, 8, 0));
        await app.PublishAsync("alt-und-erledigt");
        await app.WaitForMessagesAsync();
        app.Clock.Reset(Instant.FromUtc(2026, 6, 16, 8, 0));
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.PostAsync($"/api/admin/jobs/{MessagingRegistration.PruneJobKey}/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await MessageWaiting.WaitUntilAsync(
            async () => await app.ProbeAsync(db => db.Outbox.CountAsync(o => o.Name == ProbeHappened.MessageName)) == 0,
            "the handled message of 1 June is pruned on 16 June (retention 14 days)");
        Assert.Equal(0, await app.ProbeAsync(db => db.Inbox.CountAsync(i => i.ProcessedAt < Instant.FromUtc(2026, 6, 2, 0, 0))));
    }

    private async Task WaitUntilChimedAsync(LocalDate day)
    {
        await MessageWaiting.WaitUntilAsync(
            async () => await app.ChimesHandledAsync(day) > 0 && await ChimeJob.ChimeIsSettledAsync(app.ConnectionString),
            $"the chime for {day} was handled and Quartz has finished the run");
        await app.WaitForMessagesAsync();
    }

    /// <summary>The table row of the jobs page that shows the job with <paramref name="key"/>.</summary>
    private static string RowOf(string page, string key)
        => TableRows().Matches(page).Select(m => m.Value).SingleOrDefault(row => row.Contains($"<code>{key}</code>", StringComparison.Ordinal))
           ?? throw new InvalidOperationException($"No row for {key} on the jobs page.");

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();
}
