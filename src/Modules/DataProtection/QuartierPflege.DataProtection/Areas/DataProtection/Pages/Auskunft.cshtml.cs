using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.AccessCopies;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>Art. 15: find the person, make the copy, download it within 7 days.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class AuskunftModel(DataSubjects subjects, AccessCopies.AccessCopies copies) : PageModel
{
    public PersonSearch Search { get; private set; } = new();

    public IReadOnlyList<AccessCopyView> Copies { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? kind, string? q, CancellationToken cancellationToken)
    {
        Search = await PersonSearch.RunAsync(subjects, kind, q, cancellationToken);
        Copies = await copies.LatestAsync(50, cancellationToken);
    }

    public async Task<IActionResult> OnPostErstellenAsync(string? kind, Guid? subjectId, CancellationToken cancellationToken)
    {
        var outcome = await copies.CreateAsync(new CreateAccessCopyRequest(kind, subjectId), cancellationToken);
        if (outcome.IsDone)
        {
            Message = "Die Auskunft ist erstellt. Sie kann 7 Tage lang heruntergeladen werden.";
            return Redirect("/Datenschutz/Auskunft");
        }

        outcome.CopyTo(ModelState, _ => string.Empty);
        Copies = await copies.LatestAsync(50, cancellationToken);
        return Page();
    }
}
