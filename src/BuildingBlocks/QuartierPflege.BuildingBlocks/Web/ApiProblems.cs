using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>The error results API handlers return, all RFC 9457 problem details with German text.</summary>
public static class ApiProblems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors)
        => TypedResults.ValidationProblem(errors, title: GermanProblemTitles.ValidationTitle);

    public static ValidationProblem Validation(string field, string message)
        => Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string detail = "Der Eintrag wurde nicht gefunden.")
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: GermanProblemTitles.For(404));

    public static ProblemHttpResult Conflict(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: GermanProblemTitles.For(409));

    public static ProblemHttpResult Unprocessable(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: GermanProblemTitles.For(422));

    /// <summary>The message shown when someone saved the same record a moment earlier (optimistic concurrency).</summary>
    public const string ConcurrentEditMessage =
        "Jemand anderes hat diesen Eintrag inzwischen geändert. Bitte laden Sie ihn neu und tragen Sie Ihre Änderung erneut ein.";
}
