using Microsoft.AspNetCore.Http;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>German titles for problem details, so API clients see the same language as the UI.</summary>
public static class GermanProblemTitles
{
    public static string For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Die Anfrage ist ungültig.",
        StatusCodes.Status401Unauthorized => "Anmeldung erforderlich.",
        StatusCodes.Status403Forbidden => "Keine Berechtigung.",
        StatusCodes.Status404NotFound => "Nicht gefunden.",
        StatusCodes.Status405MethodNotAllowed => "Diese Methode ist hier nicht erlaubt.",
        StatusCodes.Status409Conflict => "Konflikt mit einer anderen Änderung.",
        StatusCodes.Status413PayloadTooLarge => "Die Anfrage ist zu groß.",
        StatusCodes.Status415UnsupportedMediaType => "Dieser Inhaltstyp wird nicht unterstützt.",
        StatusCodes.Status422UnprocessableEntity => "Die Anfrage kann so nicht ausgeführt werden.",
        StatusCodes.Status429TooManyRequests => "Zu viele Anfragen.",
        >= 500 => "Ein interner Fehler ist aufgetreten.",
        _ => "Die Anfrage konnte nicht bearbeitet werden.",
    };

    public const string ValidationTitle = "Die Eingaben sind nicht gültig.";
}
