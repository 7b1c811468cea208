using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.DataProtection.Sweep;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>Each run's report, what falls due soon, and "Jetzt ausführen".</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class LoeschlaufModel(SweepRuns runs) : PageModel
{
    public IReadOnlyList<SweepRunView> Runs { get; private set; } = [];

    public ForecastView Forecast { get; private set; } = new(default, [], []);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Runs = await runs.LatestAsync(20, cancellationToken);
        Forecast = await runs.ForecastAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostStartenAsync()
    {
        await runs.StartNowAsync();
        Message = "Der Löschlauf ist gestartet. Die Bereiche melden in den nächsten Minuten; laden Sie die Seite dann neu.";
        return Redirect("/Datenschutz/Loeschlauf");
    }
}
