using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.Retention;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>Coordination changes a kind's retention period within the legal limits.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class FristenModel(RetentionSettings settings) : PageModel
{
    public IReadOnlyList<RetentionKindView> Kinds { get; private set; } = [];

    public FormFeedback Feedback { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Kinds = await settings.ViewAsync(cancellationToken);

    public async Task<IActionResult> OnPostAendernAsync(string? kindKey, CancellationToken cancellationToken)
    {
        var form = kindKey ?? string.Empty;
        Feedback = new FormFeedback(form, Request.Form);
        var request = new ChangeRetentionRequest(Feedback.Int("years") ?? 0, Feedback.Int("months") ?? 0, Feedback.Int("days") ?? 0);
        if (!Feedback.HasErrors)
        {
            var outcome = await settings.ChangeAsync(form, request, cancellationToken);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.IsDone)
            {
                Message = $"Die Frist für „{outcome.Value!.Name}“ ist jetzt {outcome.Value.InForce}.";
                return Redirect("/Datenschutz/Fristen");
            }

            Feedback.Add(outcome);
        }

        Kinds = await settings.ViewAsync(cancellationToken);
        return Page();
    }
}
