using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.Host.Identity.Features.SignIn;

namespace QuartierPflege.Host.Pages;

internal sealed class AnmeldenModel(SignInUser signInUser) : PageModel
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

        return LocalRedirect(SafeReturnUrl);
    }

    // Only local addresses: a crafted link must not send someone to another site after signing in.
    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    internal sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
