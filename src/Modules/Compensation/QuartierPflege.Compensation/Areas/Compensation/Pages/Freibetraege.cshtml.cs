using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Models;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

internal sealed class CapsInput
{
    public string? Ehrenamtspauschale { get; set; }

    public string? Uebungsleiterpauschale { get; set; }

    public string? MinijobPerMonth { get; set; }

    public int? Version { get; set; }
}

/// <summary>
/// The tax-free caps by year: the running and past years as read-only rows (runs have paid against them), the next
/// five years each with a form that goes through <see cref="SaveCaps"/>.
/// </summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class FreibetraegeModel(IQuerySession session, SaveCaps save, IClock clock) : PageModel
{
    public IReadOnlyList<YearCaps> Fixed { get; private set; } = [];

    /// <summary>The years that may still be entered, with what is stored (or nothing yet) and its version.</summary>
    public IReadOnlyList<(int Year, CapsInput Input)> Future { get; private set; } = [];

    /// <summary>The year whose form was sent back with messages.</summary>
    public int? PostedYear { get; private set; }

    [BindProperty]
    public CapsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        decimal? Amount(string? text, string field)
        {
            if (FormNumbers.TryAmount(text, out var value))
            {
                return value;
            }

            ModelState.AddModelError($"Input.{field}", "Bitte geben Sie einen Betrag wie 960 oder 3300,00 ein (Komma vor den Cent, ohne Tausenderpunkt).");
            return null;
        }

        var request = new SaveCapsRequest(Amount(Input.Ehrenamtspauschale, nameof(CapsInput.Ehrenamtspauschale)),
            Amount(Input.Uebungsleiterpauschale, nameof(CapsInput.Uebungsleiterpauschale)), Amount(Input.MinijobPerMonth, nameof(CapsInput.MinijobPerMonth)), Input.Version);
        if (ModelState.IsValid)
        {
            var outcome = await save.HandleAsync(year, request, cancellationToken);
            if (outcome.IsDone)
            {
                TempData["Message"] = $"Die Höchstbeträge für {year} sind gespeichert.";
                return Redirect("/Compensation/Freibetraege");
            }

            outcome.CopyTo(ModelState, field => field switch
            {
                "ehrenamtspauschale" => "Input.Ehrenamtspauschale",
                "uebungsleiterpauschale" => "Input.Uebungsleiterpauschale",
                "minijobPerMonth" => "Input.MinijobPerMonth",
                _ => string.Empty,
            });
        }

        PostedYear = year;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var thisYear = clock.Today().Year;
        var caps = await Catalogue.CapsAsync(session, cancellationToken);
        var stored = (await session.Query<CapYear>().Where(c => c.Id > thisYear).ToListAsync(cancellationToken)).ToDictionary(c => c.Id);
        Fixed = [.. caps.Values.Where(c => c.Year <= thisYear).OrderByDescending(c => c.Year)];
        Future = [.. Enumerable.Range(thisYear + 1, 5).Select(year => (year, year == PostedYear ? Input
            : stored.TryGetValue(year, out var s)
                ? new CapsInput { Ehrenamtspauschale = FormNumbers.Field(s.Ehrenamtspauschale), Uebungsleiterpauschale = FormNumbers.Field(s.Uebungsleiterpauschale),
                    MinijobPerMonth = FormNumbers.Field(s.MinijobPerMonth), Version = s.Version }
                : caps.TryGetValue(year, out var known)
                    ? new CapsInput { Ehrenamtspauschale = FormNumbers.Field(known.Ehrenamtspauschale), Uebungsleiterpauschale = FormNumbers.Field(known.Uebungsleiterpauschale),
                        MinijobPerMonth = FormNumbers.Field(known.MinijobPerMonth), Version = 0 }
                    : new CapsInput { Version = 0 }))];
    }
}
