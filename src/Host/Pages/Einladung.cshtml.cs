using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.Host.Identity;

namespace QuartierPflege.Host.Pages;

/// <summary>
/// Where a confirmed volunteer sets the first password, from the link in the invitation mail. The link carries a
/// single-use token; a wrong or used token is refused without saying whether the address exists.
/// </summary>
internal sealed class EinladungModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InvitationForm Input { get; set; } = new();

    [TempData]
    public bool Done { get; set; }

    public void OnGet(string? email, string? token)
    {
        Input.Email = email;
        Input.Token = token;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        const string invalidLink = "Der Einladungslink ist ungültig oder wurde schon benutzt. Bitte wenden Sie sich an die Koordination.";
        if (string.IsNullOrWhiteSpace(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Bitte geben Sie ein Passwort ein.");
            return Page();
        }

        var user = string.IsNullOrEmpty(Input.Email) ? null : await users.FindByEmailAsync(Input.Email);
        if (user is null || string.IsNullOrEmpty(Input.Token) || await users.HasPasswordAsync(user))
        {
            ModelState.AddModelError(string.Empty, invalidLink);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Input.Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Token", StringComparison.Ordinal) ? string.Empty : "Input.Password",
                    error.Code.Contains("Token", StringComparison.Ordinal) ? invalidLink : error.Description);
            }

            return Page();
        }

        Done = true;
        return Redirect("/Einladung");
    }

    internal sealed class InvitationForm
    {
        public string? Email { get; set; }

        public string? Token { get; set; }

        public string? Password { get; set; }
    }
}
