using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.Host.Composition;

namespace QuartierPflege.Host.Pages;

/// <summary>Switches the UI language (a cookie for a year) and returns to the page the person was on.</summary>
internal sealed class SpracheModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = HostSetup.SupportedCultures.FirstOrDefault(c => c.Name == culture) ?? HostSetup.SupportedCultures[0];
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            // Max-Age rather than Expires: the browser counts the year from when it gets the cookie, so the choice does
            // not vanish when the server's clock (a test's fake clock, or a skewed one) disagrees with the browser's.
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
