using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuartierPflege.Host.Pages;

/// <summary>German error pages for people; never a stack trace (details go to the log).</summary>
[IgnoreAntiforgeryToken]
internal sealed class FehlerModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code ?? 500;
        // Two people saved the same record: that is no failure of the program, and the person can do something about it.
        if (Code == 500 && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && ConcurrentEdits.IsConflict(error))
        {
            Code = 409;
        }

        (Title, Explanation) = Code switch
        {
            400 => ("Ungültige Anfrage", "Die Anfrage konnte so nicht verarbeitet werden. Bitte prüfen Sie Ihre Eingaben."),
            403 => ("Kein Zugriff", "Für diese Seite fehlt Ihnen die Berechtigung. Wenn Sie sie brauchen, wenden Sie sich bitte an die Koordination."),
            404 => ("Seite nicht gefunden", "Diese Seite gibt es nicht (mehr). Vielleicht hat sich die Adresse geändert."),
            405 => ("Nicht erlaubt", "Diese Aktion ist auf dieser Seite nicht möglich."),
            409 => ("Gleichzeitig geändert", ApiProblems.ConcurrentEditMessage),
            _ when Code >= 500 => ("Ein Fehler ist aufgetreten", "Etwas hat nicht geklappt. Der Fehler wurde protokolliert. Bitte versuchen Sie es später erneut."),
            _ => ("Die Anfrage konnte nicht bearbeitet werden", "Bitte versuchen Sie es erneut."),
        };
        if (Code is >= 400 and < 600)
        {
            Response.StatusCode = Code;
        }
    }
}
