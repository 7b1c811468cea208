using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Features.Residents.Opening;
using QuartierPflege.CaseManagement.Features.Residents.Residents;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class FallEroeffnenModel(
    GetResident getResident,
    ConsentCheck consentCheck,
    CaseManagers caseManagers,
    OpenCase openCase,
    ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bewohner")]
    public Guid? Bewohner { get; set; }

    [BindProperty(SupportsGet = true, Name = "hinweis")]
    public Guid? Hinweis { get; set; }

    [BindProperty]
    public Guid? DeputyId { get; set; }

    public ResidentDetail? Resident { get; private set; }

    public string? MissingConsent { get; private set; }

    public IReadOnlyList<CaseManagerOption> Candidates { get; private set; } = [];

    public string CaseManagerName => user.DisplayName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await ShowAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidates = await caseManagers.DeputyCandidatesAsync(cancellationToken);
        var deputy = candidates.FirstOrDefault(c => c.Id == DeputyId);
        if (DeputyId is not null && deputy is null)
        {
            ModelState.AddModelError(nameof(DeputyId), "Bitte wählen Sie die Vertretung aus der Liste.");
            return await ShowAsync(cancellationToken) ? Page() : NotFound();
        }

        var outcome = await openCase.HandleAsync(new OpenCaseRequest(Bewohner, Hinweis, deputy?.Id, deputy?.Name), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, field => field == "deputyId" ? nameof(DeputyId) : string.Empty);

            return await ShowAsync(cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/CaseManagement/Faelle/{outcome.Value!.Id}");
    }

    private async Task<bool> ShowAsync(CancellationToken cancellationToken)
    {
        Candidates = await caseManagers.DeputyCandidatesAsync(cancellationToken);
        if (Bewohner is not { } residentId)
        {
            return true;
        }

        Resident = await getResident.HandleAsync(residentId, "zur Fall-Eröffnung angesehen", cancellationToken);
        if (Resident is null)
        {
            return false;
        }

        MissingConsent = await consentCheck.MissingConsentAsync(residentId, ConsentPurpose.StoreData, cancellationToken: cancellationToken);
        return true;
    }
}
