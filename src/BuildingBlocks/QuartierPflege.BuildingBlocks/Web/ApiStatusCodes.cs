using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// Bodiless error statuses of API calls (401, 403, 404, 405, 415) become problem details. A request body that is not
/// JSON is the caller's input error like malformed JSON, so 415 is answered as 400 with a German explanation.
/// </summary>
public static class ApiStatusCodes
{
    public static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        string? detail = null;
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            detail = "Der Inhaltstyp der Anfrage wird nicht unterstützt. Bitte senden Sie JSON mit 'Content-Type: application/json'.";
        }

        var status = http.Response.StatusCode;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = GermanProblemTitles.For(status), Detail = detail },
        });
    }
}
