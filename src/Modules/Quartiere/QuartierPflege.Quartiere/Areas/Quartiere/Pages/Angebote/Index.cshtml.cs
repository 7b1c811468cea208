using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Activities;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Angebote;

/// <summary>
/// Meeting places and activities per Quartier (filter, or all: the person's own Quartiere first). Volunteers sign up to
/// help or withdraw; coordination sees who helps and adds activities.
/// </summary>
[Authorize(Policy = Policies.CommunityWork)]
internal sealed class IndexModel(ActivityWork work, IQuartierList quartiere, ICurrentUser user) : PageModel
{
    public IReadOnlyList<ActivityItem> Activities { get; private set; } = [];

    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    /// <summary>The volunteer's Quartier, or the case manager's Quartiere of open cases: their activities come first.</summary>
    public IReadOnlyList<string> OwnQuartiere { get; private set; } = [];

    public string? Quartier { get; private set; }

    public bool IsCoordination => work.IsCoordination;

    public bool IsVolunteer => user.IsInRole(Roles.Ehrenamt);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? quartier, CancellationToken cancellationToken)
        => await LoadAsync(quartier, cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostHelfenAsync(Guid id, bool help, string? quartier, CancellationToken cancellationToken)
    {
        var outcome = await work.HelpAsync(id, help, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Message = outcome.IsDone
            ? help ? "Danke! Sie helfen bei diesem Angebot mit; die Koordination meldet sich." : "Sie helfen bei diesem Angebot nicht mehr mit."
            : string.Join(" ", outcome.Errors.SelectMany(e => e.Value));
        return Redirect(string.IsNullOrEmpty(quartier) ? "/Quartiere/Angebote" : $"/Quartiere/Angebote?quartier={Uri.EscapeDataString(quartier)}");
    }

    public async Task<IActionResult> OnPostAnlegenAsync(CancellationToken cancellationToken)
    {
        if (!IsCoordination)
        {
            return Forbid();
        }

        var forms = new FormFeedback("activity", Request.Form);
        var costText = forms.Text("cost");
        decimal? cost = null;
        if (costText is not null)
        {
            if (decimal.TryParse(costText.Replace("€", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.GetCultureInfo("de-DE"), out var parsed))
            {
                cost = parsed;
            }
            else
            {
                ModelState.AddModelError("cost", "Bitte geben Sie die Kosten als Betrag ein, z. B. 2,50 (0 für kostenlos).");
            }
        }

        var request = new SaveActivityRequest(forms.Text("quartier"), forms.Text("title"), forms.Text("place"), forms.Text("when"),
            forms.Text("accessible") switch { "true" => true, "false" => false, _ => null }, cost);
        if (ModelState.IsValid)
        {
            var outcome = await work.CreateAsync(request, cancellationToken);
            if (outcome.IsDone)
            {
                Message = $"Das Angebot „{request.Title}“ ist angelegt.";
                return Redirect("/Quartiere/Angebote");
            }

            forms.CopyTo(outcome, ModelState, field => field);
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    private async Task<bool> LoadAsync(string? quartier, CancellationToken cancellationToken)
    {
        Quartiere = await quartiere.AllAsync(cancellationToken);
        Quartier = Quartiere.Any(q => q.Name == quartier) ? quartier : null;
        var list = await work.ListAsync(Quartier, cancellationToken);
        Activities = list?.Items ?? [];
        OwnQuartiere = list?.OwnQuartiere ?? [];
        return list is not null;
    }
}
