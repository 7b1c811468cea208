using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.Registration;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

[Authorize(Policy = Policies.Volunteering)]
internal sealed class ProfilModel(VolunteerAccess access, UpdateProfile update, IQuartierList quartiere) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    public IReadOnlyList<string> Quartiere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        Input = ProfileForm.Of(VolunteerView.Of(me));
        Quartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        ModelState.Clear();
        var outcome = await update.HandleAsync(me.Id, Input.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            Input.Email = me.Email;
            Quartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
            return Page();
        }

        Saved = true;
        return Redirect("/Volunteers/Profil");
    }
}
