using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.HomeVisits;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class HausbesucheModel(
    ListHomeVisits list,
    RecordHomeVisit record,
    TurnFindingsIntoProblems takeOver,
    IClock clock,
    ICurrentUser user) : PageModel
{
    public const string NewVisitForm = "hausbesuch";

    public HomeVisitsView View { get; private set; } = null!;

    public FormFeedback Form { get; private set; } = new();

    public HomeVisitTemplate Template => HomeVisitTemplates.Current;

    public string Today => GermanDates.InputValue(clock.Today());

    public string Me => user.DisplayName;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(NewVisitForm, Request.Form);
        var template = Template;
        var answers = template.Domains.SelectMany(d => d.Questions)
            .Select(q => (q.Key, Value: Form.Text($"answers.{q.Key}")))
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value!);
        var notes = template.Domains
            .Select(d => (d.Key, Value: Form.Text($"domainNotes.{d.Key}")))
            .Where(n => n.Value is not null)
            .ToDictionary(n => n.Key, n => n.Value!);
        var request = new RecordHomeVisitRequest(
            Form.Date("visitedOn"),
            Form.Text("visitedBy"),
            template.Key,
            template.Version,
            answers,
            notes,
            [.. Request.Form["flaggedDomains"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            Form.Text("notes"));
        if (!Form.HasErrors)
        {
            var outcome = await record.HandleAsync(id, request, cancellationToken);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.IsDone)
            {
                Message = $"Der Hausbesuch vom {GermanDates.Show(request.VisitedOn)} ist gespeichert.";
                return Redirect($"/CaseManagement/Faelle/{id}/Hausbesuche");
            }

            Form.Add(outcome);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFindingsAsync(Guid id, Guid visitId, CancellationToken cancellationToken)
    {
        var outcome = await takeOver.HandleAsync(id, visitId, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsDone)
        {
            Form = new FormFeedback($"befunde-{visitId}", Request.Form);
            Form.Add(outcome);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        Message = outcome.Value!.Count switch
        {
            0 => "Alle Befunde dieses Besuchs sind bereits als Problemlagen im Wege-Hilfe-Plan.",
            1 => "Ein Befund wurde als Problemlage in den Wege-Hilfe-Plan übernommen.",
            var n => $"{n} Befunde wurden als Problemlagen in den Wege-Hilfe-Plan übernommen.",
        };
        return Redirect($"/CaseManagement/Faelle/{id}/Hausbesuche");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await list.HandleAsync(id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
