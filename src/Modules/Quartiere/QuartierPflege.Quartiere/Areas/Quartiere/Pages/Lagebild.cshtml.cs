using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Lagebild;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages;

/// <summary>The Quartier-Lagebild: programme-wide without a Quartier, else that Quartier's. Counts only, never names.</summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class LagebildModel(GetLagebild lagebild, IQuartierList quartiere) : PageModel
{
    [FromRoute(Name = "quartier")]
    public string? Quartier { get; set; }

    public ProgrammePicture? Programme { get; private set; }

    public QuartierPicture? Picture { get; private set; }

    public string? Error { get; private set; }

    /// <summary>When the figures shown were read (they may be a few minutes old, see <see cref="LagebildCache"/>).</summary>
    public Instant? ReadAt { get; private set; }

    public IReadOnlyList<QuartierListing> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await quartiere.AllAsync(cancellationToken);
        if (Quartier is null)
        {
            var all = await lagebild.AllAsync(cancellationToken);
            (Programme, ReadAt) = (all.Programme, all.ReadAt);
            return Page();
        }

        var outcome = await lagebild.QuartierAsync(Quartier, cancellationToken);
        if (!outcome.IsDone)
        {
            Error = "Dieses Quartier steht nicht in der Liste der Quartiere. Bitte wählen Sie eines aus der Liste.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Picture = outcome.Value;
        ReadAt = await lagebild.ReadAtAsync(cancellationToken);
        return Page();
    }

    /// <summary>The same figures as the page, as a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Quartier is null)
        {
            return File(LagebildCsv.Programme(await lagebild.ProgrammeAsync(cancellationToken)), "text/csv; charset=utf-8", "lagebild-programm.csv");
        }

        var outcome = await lagebild.QuartierAsync(Quartier, cancellationToken);
        return outcome.IsDone
            ? File(LagebildCsv.Quartier(outcome.Value!), "text/csv; charset=utf-8", LagebildCsv.FileName(outcome.Value!.Quartier))
            : BadRequest("Dieses Quartier steht nicht in der Liste der Quartiere.");
    }

    /// <summary>The choice of a Quartier sent without script (a GET form).</summary>
    public IActionResult OnGetWahl(string? wahl)
        => string.IsNullOrWhiteSpace(wahl) ? Redirect("/Quartiere/Lagebild") : Redirect($"/Quartiere/Lagebild/{Uri.EscapeDataString(wahl)}");
}
