using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Features.Registration;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>Open to everyone: neighbours register before they have an account. Linked from the sign-in page.</summary>
[AllowAnonymous]
internal sealed class RegistrierenModel(Register register, IQuartierList quartiere) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    [TempData]
    public bool Thanks { get; set; }

    public IReadOnlyList<string> Quartiere { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Quartiere = await NamesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // A bot filled the hidden field: it is thanked like everyone and nothing is stored.
            Thanks = true;
            return Redirect("/Volunteers/Registrieren");
        }

        ModelState.Clear();
        var outcome = await register.HandleAsync(Input.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            Quartiere = await NamesAsync(cancellationToken);
            return Page();
        }

        Thanks = true;
        return Redirect("/Volunteers/Registrieren");
    }

    private async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken)
        => [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
}
