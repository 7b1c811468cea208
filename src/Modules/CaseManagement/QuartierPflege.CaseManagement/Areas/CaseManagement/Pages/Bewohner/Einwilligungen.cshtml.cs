using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

/// <summary>
/// The resident's consents; also the "Einwilligungen" tab of a case (<c>?fall=</c>), then with the case's tabs and
/// only for those who may see the case.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class EinwilligungenModel(
    ListConsents listConsents,
    GiveConsent giveConsent,
    WithdrawConsent withdrawConsent,
    CaseAccess caseAccess,
    IServiceProvider services,
    IClock clock) : PageModel
{
    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "fall")]
    public Guid? Fall { get; set; }

    /// <summary>Where to go once a consent is recorded (opening a case sends people here and wants them back).</summary>
    [BindProperty(SupportsGet = true, Name = "zurueck")]
    public string? Zurueck { get; set; }

    public string? ReturnUrl => Zurueck is { } url && Url.IsLocalUrl(url) && url.StartsWith("/CaseManagement/", StringComparison.Ordinal) ? url : null;

    public Guid Id { get; private set; }

    public Case? Case { get; private set; }

    public string ResidentName { get; private set; } = string.Empty;

    public IReadOnlyList<ConsentItem> Consents { get; private set; } = [];

    /// <summary>The consent whose withdrawal was refused (its form opens with the messages), and what was entered.</summary>
    public Guid? WithdrawingId { get; private set; }

    public (string? On, string? Form, bool Confirmed) WithdrawalInput { get; private set; }

    /// <summary>An open case of the resident: withdrawing "Daten speichern" then needs an explanation of what follows.</summary>
    public bool HasOpenCase { get; private set; }

    public string Today => GermanDates.InputValue(clock.Today());

    /// <summary>Partners to choose from, when the partner directory is there (it is another module's, read-only).</summary>
    public IReadOnlyList<PartnerListing> Partners { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.GivenOn = GermanDates.InputValue(clock.Today());
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostErteilenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await MaySeeCaseAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var forms = new FormFeedback();
        await LoadPartnersAsync(cancellationToken);
        var request = new GiveConsentRequest(
            forms.Choice<ConsentPurpose>("purpose", Input.Purpose, "Bitte wählen Sie einen Zweck aus der Liste."),
            Input.PartnerId,
            Partners.FirstOrDefault(p => p.PartnerId == Input.PartnerId)?.Name,
            string.IsNullOrWhiteSpace(Input.ServiceCategory) ? null : Input.ServiceCategory,
            forms.Date("givenOn", Input.GivenOn),
            forms.Choice<ConsentForm>("form", Input.Form, "Bitte wählen Sie eine Form aus der Liste."),
            Input.WitnessName);
        var outcome = await giveConsent.HandleAsync(id, request, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Denied)
        {
            return NotShown.For(this, outcome.Kind);
        }

        if (!outcome.IsDone)
        {
            // A partner id that is not in the directory has no name: say so at the partner field.
            forms.CopyTo(outcome, ModelState, nameof(Input), field => field == "partnerName" ? "partnerId" : field);
            return await ShowAsync(id, cancellationToken);
        }

        if (ReturnUrl is { } back)
        {
            return Redirect(back);
        }

        Message = "Die Einwilligung ist gespeichert.";
        return Redirect(PageUrl(id));
    }

    public async Task<IActionResult> OnPostWiderrufenAsync(Guid id, Guid consentId, string? withdrawnOn, string? withdrawalForm, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await MaySeeCaseAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var forms = new FormFeedback();
        var request = new WithdrawConsentRequest(forms.Date("withdrawnOn", withdrawnOn),
            forms.Choice<ConsentForm>("form", withdrawalForm, "Bitte wählen Sie eine Form aus der Liste."), confirmed);
        var outcome = await withdrawConsent.HandleAsync(id, consentId, request, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Denied)
        {
            return NotShown.For(this, outcome.Kind);
        }

        if (!outcome.IsDone)
        {
            // The withdrawal form of that consent shows the messages, with what was entered.
            WithdrawingId = consentId;
            forms.CopyTo(outcome, ModelState, "Withdrawal");
            WithdrawalInput = (withdrawnOn, withdrawalForm, confirmed);
            return await ShowAsync(id, cancellationToken);
        }

        Message = "Die Einwilligung ist widerrufen. Das gilt ab sofort." + string.Concat(outcome.Value!.Partners.Select(p => p.ByMail
            ? $" Die Vermittlung an {p.Name} ist zurückgezogen; {p.Name} wird per E-Mail benachrichtigt."
            : $" Die Vermittlung an {p.Name} ist zurückgezogen; für {p.Name} ist keine E-Mail-Adresse für Vermittlungen hinterlegt: bitte informieren Sie den Partner selbst."));
        return Redirect(PageUrl(id));
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    public string PostUrl(string handler)
        => $"{PageUrl(Id)}{(Fall is null ? "?" : "&")}handler={handler}{(ReturnUrl is { } back ? $"&zurueck={Uri.EscapeDataString(back)}" : string.Empty)}";

    private string PageUrl(Guid id) => Fall is { } fall
        ? $"/CaseManagement/Bewohner/{id}/Einwilligungen?fall={fall}"
        : $"/CaseManagement/Bewohner/{id}/Einwilligungen";

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await MaySeeCaseAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await listConsents.HandleAsync(id, Case?.Id, cancellationToken);
        if (outcome.Value is not { } consents)
        {
            return NotShown.For(this, outcome.Kind);
        }

        ResidentName = consents.ResidentName;
        HasOpenCase = consents.HasOpenCase;
        Consents = consents.Consents;
        await LoadPartnersAsync(cancellationToken);
        return Page();
    }

    /// <summary>Opened as a case's tab: only who may see that case (a case of this resident).</summary>
    private async Task<bool> MaySeeCaseAsync(Guid residentId, CancellationToken cancellationToken)
    {
        Id = residentId;
        if (Fall is not { } caseId)
        {
            return true;
        }

        Case ??= await caseAccess.FindAsync(caseId, cancellationToken);
        return Case is not null && Case.ResidentId == residentId;
    }

    private async Task LoadPartnersAsync(CancellationToken cancellationToken)
    {
        if (Partners.Count == 0 && services.GetService<IPartnerDirectory>() is { } directory)
        {
            Partners = await directory.FindPartnersAsync(null, null, cancellationToken);
        }
    }

    internal sealed class ConsentInput
    {
        public string? Purpose { get; set; }

        public string? ServiceCategory { get; set; }

        public Guid? PartnerId { get; set; }

        public string? GivenOn { get; set; }

        public string? Form { get; set; }

        public string? WitnessName { get; set; }
    }
}
