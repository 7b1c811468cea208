using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Befragungen;

/// <summary>Coordination reads a survey's results: counts, scales, free texts by question; never contact details.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class ErgebnisseModel(SurveyQueries queries) : PageModel
{
    public SurveyResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.ResultAsync(id, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }

    /// <summary>"40 %": a share of those who answered the question.</summary>
    public static string Share(int count, int of) => of == 0 ? "–" : $"{Math.Round(100m * count / of, MidpointRounding.AwayFromZero)} %";
}
