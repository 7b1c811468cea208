using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class VermittlungModel(ReferralQueries queries, AnswerReferral answers) : PageModel
{
    public PartnerReferral? Referral { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => (Referral = await queries.GetAsync(id, cancellationToken)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? answer, string? contactPerson, string? successful, string? reason, int? version, CancellationToken cancellationToken)
    {
        ReferralAnswer? kind = answer switch { "accept" => ReferralAnswer.Accept, "decline" => ReferralAnswer.Decline, "complete" => ReferralAnswer.Complete, _ => null };
        bool? success = successful switch { "true" => true, "false" => false, _ => null };
        var outcome = await answers.HandleAsync(id, new AnswerReferralRequest(kind, contactPerson, success, reason, version), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            Message = "Die Antwort ist erfasst und an den Fall gemeldet.";
            return Redirect($"/Partners/Vermittlungen/{id}");
        }

        outcome.CopyTo(ModelState, f => f);
        Referral = await queries.GetAsync(id, cancellationToken);
        return Page();
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);
}
