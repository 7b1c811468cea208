using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using QuartierPflege.BuildingBlocks.Documents;
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
        var problem = FieldOf(exception) is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [FieldMessage(exception)] })
            {
                Status = status,
                Title = GermanProblemTitles.ValidationTitle,
                Detail = detail,
            }
            : new ProblemDetails { Status = status, Title = GermanProblemTitles.For(status), Detail = detail };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
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
        _ when ConcurrentEdits.IsConflict(exception) => (409, ApiProblems.ConcurrentEditMessage),
        _ => (500, "Bitte versuchen Sie es später erneut. Der Fehler wurde protokolliert."),
    };

    /// <summary>
    /// The field a bad value was in, when it can be told: a JSON path ("$.careLevel") or a route/query parameter that
    /// could not be bound ("Guid id" from "abc"). Lets the API answer with the usual field → messages map.
    /// </summary>
    private static string? FieldOf(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } } when path != "$"
            => JsonPathToField(path),
        BadHttpRequestException bad when BoundParameter().Match(bad.Message) is { Success: true } match => match.Groups[1].Value,
        _ => null,
    };

    private static string FieldMessage(Exception exception) => exception.InnerException is JsonException
        ? "Der Wert hat ein ungültiges Format oder ist nicht erlaubt."
        : "Der Wert ist ungültig (zum Beispiel keine gültige Id).";

    private static string JsonPathToField(string path)
    {
        var field = path.TrimStart('$', '.');
        return field.Length > 0 ? char.ToLowerInvariant(field[0]) + field[1..] : field;
    }

    [System.Text.RegularExpressions.GeneratedRegex("Failed to bind parameter \"[^ \"]+ ([A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();

    private static string JsonDetail(JsonException json)
        => json.Path is { Length: > 0 } path && path != "$"
            ? $"Der Inhalt ist kein gültiges JSON oder ein Wert hat das falsche Format (Feld '{path.TrimStart('$', '.')}')."
            : "Der Inhalt ist kein gültiges JSON.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
