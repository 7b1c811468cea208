using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Administration;

internal sealed record JobView(string Key, string Description, string Cron, string Schedule, Instant? LastRunAt, Instant? NextRunAt);

internal sealed record JobsView(bool SchedulerEnabled, IReadOnlyList<JobView> Jobs);

/// <summary>The scheduled background jobs for coordination: when they run, when they ran, and starting one now.</summary>
internal static class JobAdminEndpoints
{
    public static IEndpointRouteBuilder MapJobAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/api/admin/jobs")
            .RequireAuthorization(Policies.Administration)
            .WithTags("Hintergrundaufgaben");

        jobs.MapGet("/", async (JobMonitor monitor, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            {
                var list = await monitor.ListAsync(ct);
                return TypedResults.Ok(new JobsView(
                    monitor.SchedulerEnabled,
                    [.. list.Select(j => new JobView(j.Key, j.Description, j.Cron, ScheduleWording.Describe(j.Cron, t), j.LastRunAt, j.NextRunAt))]));
            })
            .WithSummary("Geplante Hintergrundaufgaben mit letzter und nächster Ausführung");

        jobs.MapPost("/{key}/run", async (string key, JobMonitor monitor, CancellationToken ct) =>
                await monitor.RunNowAsync(key, ct) switch
                {
                    RunNowResult.Started => Results.Accepted(value: new { key, message = JobMessages.Started(monitor.DescriptionOf(key)!) }),
                    RunNowResult.SchedulerDisabled => ApiProblems.Conflict(JobMessages.SchedulerDisabled),
                    _ => ApiProblems.NotFound(JobMessages.UnknownJob),
                })
            .WithSummary("Hintergrundaufgabe jetzt ausführen");

        return endpoints;
    }
}

/// <summary>What the jobs page and API say, in German (the API's language).</summary>
internal static class JobMessages
{
    public const string UnknownJob = "Diese Hintergrundaufgabe gibt es nicht.";

    public const string SchedulerDisabled =
        "Auf diesem Server ist der Planer für Hintergrundaufgaben ausgeschaltet (Einstellung Jobs:SchedulerEnabled). Bitte starten Sie die Aufgabe auf einem Server, auf dem er läuft.";

    /// <summary>{0} is the job's description.</summary>
    public const string StartedFormat = "Die Aufgabe „{0}“ wurde gestartet. Sie läuft im Hintergrund.";

    public static string Started(string description) => string.Format(CultureInfo.InvariantCulture, StartedFormat, description);
}
