using Microsoft.AspNetCore.Mvc.ModelBinding;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

/// <summary>The fields both account forms share (name and roles), with their inline messages.</summary>
internal sealed record UserFormFields(string? DisplayName, IReadOnlyCollection<string> Roles, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key) => ModelState.MessagesFor(key);
}
