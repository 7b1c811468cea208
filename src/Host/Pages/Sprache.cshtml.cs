using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.Host.Composition;

namespace QuartierPflege.Host.Pages;

/// <summary>Switches the UI language (a cookie for a year) and returns to the page the person was on.</summary>
internal sealed class SpracheModel(IClock clock) : PageModel
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
            new CookieOptions { Expires = clock.GetCurrentInstant().Plus(Duration.FromDays(365)).ToDateTimeOffset(), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
