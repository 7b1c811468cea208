using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Forum;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Gruppen;

/// <summary>
/// Coordination adds a residents' group, or (<c>?id=</c>) edits one under the revision it was read with; who may do it
/// is the API's rule (<see cref="Policies.Administration"/>).
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class BearbeitenModel(GroupWork groups, IQuartierList quartiere) : PageModel
{
    public ResidentGroup? Editing { get; private set; }

    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string? quartier, CancellationToken cancellationToken)
    {
        if (id is { } groupId)
        {
            Editing = await groups.FindAsync(groupId, cancellationToken);
            if (Editing is null)
            {
                return NotFound();
            }
        }

        Quartiere = await quartiere.AllAsync(cancellationToken);
        // "Gruppe anlegen" from a Quartier's list starts with that Quartier chosen.
        PresetQuartier = Editing is null && Quartiere.Any(q => q.Active && q.Name == quartier) ? quartier : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var forms = new FormFeedback("group", Request.Form);
        var request = new SaveGroupRequest(forms.Text("name"), forms.Text("quartier"), forms.Text("contactPerson"), forms.Text("rhythm"),
            forms.Text("place"), forms.Version("version"));
        if (id is { } groupId)
        {
            var updated = await groups.UpdateAsync(groupId, request, cancellationToken);
            if (updated.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (updated.IsDone)
            {
                return Saved($"Die Gruppe „{request.Name}“ ist gespeichert.", request.Quartier);
            }

            forms.CopyTo(updated, ModelState, field => field);
            Editing = await groups.FindAsync(groupId, cancellationToken);
        }
        else
        {
            var created = await groups.CreateAsync(request, cancellationToken);
            if (created.IsDone)
            {
                return Saved($"Die Gruppe „{request.Name}“ ist angelegt.", request.Quartier);
            }

            forms.CopyTo(created, ModelState, field => field);
        }

        Quartiere = await quartiere.AllAsync(cancellationToken);
        return Page();
    }

    public string? PresetQuartier { get; private set; }

    /// <summary>What was typed (after a refusal), else the edited group's value.</summary>
    public string? Value(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : Stored(field);

    private string? Stored(string field) => Editing is not { } g
        ? field == "quartier" ? PresetQuartier : null
        : field switch
        {
            "name" => g.Name,
            "quartier" => g.Quartier,
            "contactPerson" => g.ContactPerson,
            "rhythm" => g.Rhythm,
            "place" => g.Place,
            "version" => g.Version.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

    private RedirectResult Saved(string message, string? quartier)
    {
        TempData["Message"] = message;
        return Redirect($"/Quartiere/Gruppen?quartier={Uri.EscapeDataString(quartier ?? string.Empty)}");
    }
}
