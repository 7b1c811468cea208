using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Administration;

/// <param name="Cron">For programs; people get <paramref name="Schedule"/>, the cron in words.</param>
internal sealed record JobView(
    string Key, string Description, string Cron, string Schedule, Instant? LastRunAt, string LastResult, Instant? NextRunAt);

internal sealed record JobsView(bool ServerEnabled, int ActiveServers, IReadOnlyList<JobView> Jobs);

/// <summary>The scheduled background jobs for coordination: when they run, how they last ran, and starting one now.</summary>
internal static class JobAdminEndpoints
{
    public static IEndpointRouteBuilder MapJobAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/api/admin/jobs")
            .RequireAuthorization(Policies.Administration)
            .WithTags("Hintergrundaufgaben");

        jobs.MapGet("/", (JobMonitor monitor, IStringLocalizer<SharedResource> t) => TypedResults.Ok(new JobsView(
                monitor.ServerEnabled,
                monitor.ActiveServers(),
                [.. monitor.List().Select(j => new JobView(
                    j.Key, j.Description, j.Cron, ScheduleWording.Describe(j.Cron, t), j.LastRunAt, JobMessages.Result(j.LastResult, t), j.NextRunAt))])))
            .WithSummary("Geplante Hintergrundaufgaben mit Zeitplan, letzter Ausführung und ihrem Ergebnis, nächster Ausführung");

        jobs.MapPost("/{key}/run", (string key, JobMonitor monitor) => monitor.RunNow(key) switch
            {
                RunNowResult.Started => Results.Accepted(value: new { key, message = JobMessages.Started(monitor.DescriptionOf(key)!) }),
                RunNowResult.NoServer => ApiProblems.Conflict(JobMessages.NoServer),
                _ => ApiProblems.NotFound(JobMessages.UnknownJob),
            })
            .WithSummary("Hintergrundaufgabe jetzt ausführen");

        return endpoints;
    }
}

/// <summary>What the jobs page and API say, in German (the API's language; the page translates the same keys).</summary>
internal static class JobMessages
{
    public const string UnknownJob = "Diese Hintergrundaufgabe gibt es nicht.";

    public const string NoServer =
        "Zurzeit verarbeitet kein Server Hintergrundaufgaben (Einstellung Jobs:ServerEnabled). Die Aufgabe wurde nicht gestartet.";

    /// <summary>{0} is the job's description.</summary>
    public const string StartedFormat = "Die Aufgabe „{0}“ wurde gestartet. Sie läuft im Hintergrund.";

    public static string Started(string description) => string.Format(CultureInfo.InvariantCulture, StartedFormat, description);

    public static string Result(LastRunResult result, IStringLocalizer t) => t[result switch
    {
        LastRunResult.Succeeded => "erfolgreich",
        LastRunResult.Failed => "fehlgeschlagen",
        LastRunResult.Retrying => "fehlgeschlagen, wird wiederholt",
        LastRunResult.Running => "läuft",
        LastRunResult.Cancelled => "abgebrochen",
        _ => "noch nicht gelaufen",
    }].Value;
}
