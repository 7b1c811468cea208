using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages;

/// <summary>
/// The module's forms name their fields as the API does ("questions[0].options"); this gives the HTML id of such a
/// field, and its messages.
/// </summary>
internal static class FieldIds
{
    public static string Of(string field) => field.Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    public static string? Error(this ModelStateDictionary modelState, string field) => modelState.MessagesFor(field);

    public static string Euro(decimal amount) => amount == 0 ? "kostenlos" : amount.ToString("N2", CultureInfo.GetCultureInfo("de-DE")) + "\u00A0€";
}
