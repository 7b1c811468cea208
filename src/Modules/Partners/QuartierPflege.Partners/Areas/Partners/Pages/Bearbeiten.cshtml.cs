using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

/// <summary>Creates (no id) or edits a partner; the form's field names are the API's, so messages land next to their field.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class BearbeitenModel(IQuerySession session, SavePartner save, IQuartierList quartiere) : PageModel
{
    public const int BlankContactRows = 1;

    public Guid? Id { get; private set; }

    public SavePartnerRequest Input { get; private set; } = new(null, null, [], [], null, null, null, null, null, ["de"], [], PartnerCapacity.Accepting);

    public IReadOnlyList<string> Quartiere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            var partner = await session.LoadAsync<Partner>(existing, cancellationToken);
            if (partner is null)
            {
                return NotFound();
            }

            Input = new SavePartnerRequest(partner.Name, partner.Kind, partner.ServiceCategories, partner.Quartiere, partner.Address, partner.Phone,
                partner.Email, partner.Website, partner.OpeningHours, partner.Languages,
                [.. partner.ContactPersons.Select(c => new ContactPersonInput(c.Name, c.Role, c.Phone, c.Email, c.ForReferrals))], partner.Capacity, partner.Version);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var form = Request.Form;
        var contacts = new List<ContactPersonInput>();
        for (var i = 0; i < 20 && form.ContainsKey($"contactPersons[{i}].name"); i++)
        {
            var contact = new ContactPersonInput(Text($"contactPersons[{i}].name"), Text($"contactPersons[{i}].role"), Text($"contactPersons[{i}].phone"),
                Text($"contactPersons[{i}].email"), form[$"contactPersons[{i}].forReferrals"] == "true");
            // A row left empty is no contact person (the form always offers a blank one).
            if (contact is not { Name: null, Role: null, Phone: null, Email: null })
            {
                contacts.Add(contact);
            }
        }

        var capacityText = Text("capacity");
        PartnerCapacity? capacity = Enum.TryParse<PartnerCapacity>(capacityText, out var c) && Enum.IsDefined(c) && !char.IsAsciiDigit(capacityText![0]) ? c : null;
        Input = new SavePartnerRequest(Text("name"), Text("kind"), [.. form["serviceCategories"].OfType<string>()], [.. form["quartiere"].OfType<string>()],
            Text("address"), Text("phone"), Text("email"), Text("website"), Text("openingHours"), [.. form["languages"].OfType<string>()], contacts, capacity,
            int.TryParse(Text("version"), out var version) ? version : null);

        if (id is { } existing)
        {
            var updated = await save.UpdateAsync(existing, Input, cancellationToken);
            if (updated.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (updated.IsDone)
            {
                TempData["Message"] = "Die Änderungen sind gespeichert.";
                return Redirect($"/Partners/{existing}");
            }

            updated.CopyTo(ModelState, f => f);
        }
        else
        {
            var created = await save.CreateAsync(Input, cancellationToken);
            if (created.IsDone)
            {
                TempData["Message"] = $"{Input.Name!.Trim()} ist angelegt.";
                return Redirect($"/Partners/{created.Value}");
            }

            created.CopyTo(ModelState, f => f);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The messages of a field and of its items (<c>quartiere</c> also shows <c>quartiere[1]</c>'s).</summary>
    public string? ErrorFor(string field)
    {
        var messages = ModelState.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) || e.Key.StartsWith(field + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private string? Text(string key) => Request.Form[key].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
        => Quartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
}
