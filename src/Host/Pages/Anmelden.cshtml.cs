using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Host.Identity.Features.SignIn;

namespace QuartierPflege.Host.Pages;

internal sealed class AnmeldenModel(SignInUser signInUser, IEnumerable<StartPage> startPages, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
        => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await signInUser.HandleAsync(new SignInRequest(Input.Email ?? string.Empty, Input.Password ?? string.Empty), cancellationToken);
        if (!outcome.IsDone)
        {
            ModelState.Clear();
            outcome.CopyTo(ModelState, nameof(Input));
            Input.Password = null;
            return Page();
        }

        return LocalRedirect(HasSafeReturnUrl ? SafeReturnUrl : await StartPageAsync(outcome.Value!.Roles));
    }

    /// <summary>
    /// The start page of the roles just signed in with: this request's <see cref="PageModel.User"/> is still the
    /// anonymous one, so the policies are checked against a principal of those roles.
    /// </summary>
    private async Task<string> StartPageAsync(IReadOnlyList<string> roles)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), "Anmeldung"));
        foreach (var page in startPages.OrderBy(p => p.Order))
        {
            if ((await authorization.AuthorizeAsync(principal, page.Policy)).Succeeded)
            {
                return page.Path;
            }
        }

        return "/";
    }

    // Only local addresses: a crafted link must not send someone to another site after signing in.
    private bool HasSafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/";

    private string SafeReturnUrl => HasSafeReturnUrl ? ReturnUrl! : "/";

    internal sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
