using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Payees;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

internal sealed class BankDetailsInput
{
    public string? Iban { get; set; }

    public string? AccountHolder { get; set; }

    public string? DeclaredEhrenamtspauschale { get; set; }

    public string? DeclaredUebungsleiterpauschale { get; set; }

    public int? Version { get; set; }
}

/// <summary>
/// The signed-in volunteer's own bank details and declaration (on a phone), through <see cref="SaveBankDetails"/>:
/// the API's German messages inline and in the focused error summary.
/// </summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class BankverbindungModel(PayeeAccess access, SaveBankDetails save, IClock clock) : PageModel
{
    [BindProperty]
    public BankDetailsInput Input { get; set; } = new();

    public Payee? Payee { get; private set; }

    public int Year => clock.Today().Year;

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Payee = await access.MineAsync(cancellationToken);
        if (Payee is null)
        {
            return NotFound();
        }

        Input = new BankDetailsInput
        {
            Iban = Payee.Iban is { } text && Iban.TryParse(text, out var iban, out _) ? iban.Grouped : null,
            AccountHolder = Payee.AccountHolder ?? Payee.DisplayName,
            DeclaredEhrenamtspauschale = FormNumbers.Field(Declared(AllowanceKind.Ehrenamtspauschale)),
            DeclaredUebungsleiterpauschale = FormNumbers.Field(Declared(AllowanceKind.Uebungsleiterpauschale)),
            Version = Payee.Version,
        };
        Saved = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Payee = await access.MineAsync(cancellationToken);
        if (Payee is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        decimal? Amount(string? text, string field)
        {
            if (FormNumbers.TryAmount(text, out var value))
            {
                return value;
            }

            ModelState.AddModelError($"Input.{field}", "Bitte geben Sie einen Betrag wie 120 oder 120,50 ein (Komma vor den Cent, ohne Tausenderpunkt).");
            return null;
        }

        var request = new SaveBankDetailsRequest(Input.Iban, Input.AccountHolder,
            Amount(Input.DeclaredEhrenamtspauschale, nameof(BankDetailsInput.DeclaredEhrenamtspauschale)),
            Amount(Input.DeclaredUebungsleiterpauschale, nameof(BankDetailsInput.DeclaredUebungsleiterpauschale)), Input.Version);
        if (ModelState.IsValid)
        {
            var outcome = await save.HandleAsync(Payee.Id, request, cancellationToken);
            if (outcome.IsDone)
            {
                TempData["Message"] = outcome.Value == Input.Version
                    ? "Es hat sich nichts geändert."
                    : "Ihre Bankverbindung ist gespeichert. Zur Sicherheit erhalten Sie eine E-Mail über die Änderung.";
                return Redirect("/Compensation/Bankverbindung");
            }

            outcome.CopyTo(ModelState, "Input");
        }

        return Page();
    }

    private decimal? Declared(AllowanceKind kind) => Payee!.Declarations.Any(d => d.Year == Year) ? Payee.DeclaredElsewhere(Year, kind) : null;
}
