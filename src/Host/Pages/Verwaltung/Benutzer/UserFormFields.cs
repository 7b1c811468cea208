using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

/// <summary>The fields both account forms share (name and roles), with their inline messages.</summary>
internal sealed record UserFormFields(string? DisplayName, IReadOnlyCollection<string> Roles, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key)
        => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
