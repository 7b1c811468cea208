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
    public bool SchedulerEnabled => monitor.SchedulerEnabled;

    public IReadOnlyList<ScheduledJobStatus> Jobs { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await monitor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string key, CancellationToken cancellationToken)
    {
        Message = await monitor.RunNowAsync(key, cancellationToken) switch
        {
            RunNowResult.Started => t[JobMessages.StartedFormat, monitor.DescriptionOf(key)!],
            RunNowResult.SchedulerDisabled => t[JobMessages.SchedulerDisabled],
            _ => t[JobMessages.UnknownJob],
        };
        return RedirectToPage();
    }

    public string Schedule(ScheduledJobStatus job) => ScheduleWording.Describe(job.Cron, t);

    public static string Shown(Instant? instant) => instant is { } at ? GermanDates.Show(at) : "–";
}
