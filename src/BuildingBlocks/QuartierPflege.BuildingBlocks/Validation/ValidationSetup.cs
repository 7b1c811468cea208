using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.BuildingBlocks.Validation;

public static class ValidationSetup
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Validation messages are German whatever the UI language: they are also the API's field messages, and the
    /// programme's working language is German.
    /// </summary>
    public static void UseGermanMessages() => ValidatorOptions.Global.LanguageManager.Culture = German;

    /// <summary>Runs the request's validator before the handler; a failure becomes 400 with field messages.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder)
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return ApiProblems.Validation(string.Empty, "Der Inhalt der Anfrage fehlt.");
            }

            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            return result.IsValid ? await next(context) : ApiProblems.Validation(result.ToFieldMessages());
        })
        .ProducesValidationProblem();

    public static Dictionary<string, string[]> ToFieldMessages(this ValidationResult result)
        => result.Errors
            .GroupBy(e => ToCamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    // API field names follow the JSON (camelCase) the client sent, not the C# property names.
    private static string ToCamelCasePath(string path)
        => string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
