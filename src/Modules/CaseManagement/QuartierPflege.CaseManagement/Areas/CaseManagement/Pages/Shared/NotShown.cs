using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;

internal static class NotShown
{
    /// <summary>
    /// A page's answer when its record cannot be shown: "Kein Zugriff" (403, the Host's error page) when the record
    /// exists but is not the person's, else "Seite nicht gefunden". People learn why; the API keeps 404 for both.
    /// </summary>
    public static IActionResult For(PageModel page, OutcomeKind kind)
        => kind == OutcomeKind.Denied ? page.StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden) : page.NotFound();
}
