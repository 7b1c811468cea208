using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Host.Administration;

namespace QuartierPflege.Host.Pages.Verwaltung.Jobs;

internal sealed class JobsModel(JobMonitor monitor, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool ServerEnabled => monitor.ServerEnabled;

    public int ActiveServers { get; private set; }

    public IReadOnlyList<ScheduledJobStatus> Jobs { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
        ActiveServers = monitor.ActiveServers();
        Jobs = monitor.List();
    }

    public IActionResult OnPostRun(string key)
    {
        Message = monitor.RunNow(key) switch
        {
            RunNowResult.Started => t[JobMessages.StartedFormat, monitor.DescriptionOf(key)!],
            RunNowResult.NoServer => t[JobMessages.NoServer],
            _ => t[JobMessages.UnknownJob],
        };
        return RedirectToPage();
    }

    public string Schedule(ScheduledJobStatus job) => ScheduleWording.Describe(job.Cron, t);

    public string Result(ScheduledJobStatus job) => JobMessages.Result(job.LastResult, t);

    public static string Shown(Instant? instant) => instant is { } at ? GermanDates.Show(at) : "–";
}
