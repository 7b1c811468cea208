using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QuartierPflege.BuildingBlocks.Web;

public static class ModelStateMessages
{
    /// <summary>The inline message(s) of one form field, joined, or null when the field is fine.</summary>
    public static string? MessagesFor(this ModelStateDictionary modelState, string key)
        => modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
