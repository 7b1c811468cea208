using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// Turns what goes wrong in an API call into problem details with German text. Malformed JSON and a wrong content type
/// are the caller's mistake (400), a concurrent edit is 409, anything else is 500 without internals. Browser requests
/// are left to the German error page.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request may already point at the error page; what counts is the address that failed.
        var failedPath = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiRequests.IsApiPath(failedPath))
        {
            return false;
        }

        var (status, detail) = Classify(exception);
        if (status >= 500)
        {
            LogUnhandled(logger, exception, failedPath);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = GermanProblemTitles.For(status), Detail = detail },
        });
    }

    private static (int Status, string Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (400, "Der Inhaltstyp der Anfrage wird nicht unterstützt. Bitte senden Sie JSON mit 'Content-Type: application/json'."),
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, JsonDetail(json)),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "Die Anfrage ist zu groß."),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (400, "Der Inhalt der Anfrage fehlt oder kann nicht gelesen werden."),
        BadHttpRequestException =>
            (400, "Die Anfrage enthält ungültige Werte (zum Beispiel eine fehlerhafte Id oder ein falsches Format)."),
        DbUpdateConcurrencyException => (409, ApiProblems.ConcurrentEditMessage),
        _ => (500, "Bitte versuchen Sie es später erneut. Der Fehler wurde protokolliert."),
    };

    private static string JsonDetail(JsonException json)
        => json.Path is { Length: > 0 } path && path != "$"
            ? $"Der Inhalt ist kein gültiges JSON oder ein Wert hat das falsche Format (Feld '{path.TrimStart('$', '.')}')."
            : "Der Inhalt ist kein gültiges JSON.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
