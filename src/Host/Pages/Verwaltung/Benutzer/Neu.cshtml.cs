using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.Host.Identity.Features.Users;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

internal sealed class NeuModel(CreateUser createUser) : PageModel
{
    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new CreateUserRequest(Input.Email ?? string.Empty, Input.DisplayName ?? string.Empty, Input.Password ?? string.Empty, Input.Roles);
        var outcome = await createUser.HandleAsync(request, cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            Input.Password = null;
            return Page();
        }

        Message = $"Das Konto für {request.DisplayName.Trim()} ist angelegt.";
        return RedirectToPage("Index");
    }

    internal sealed class NewUserForm
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
