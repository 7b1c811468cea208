using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Erasure;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>Art. 17: pick the person, see what stands against erasure, confirm with a reason.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class LoeschungModel(DataSubjects subjects, Erasures erasures) : PageModel
{
    public PersonSearch Search { get; private set; } = new();

    public DataSubject? Subject { get; private set; }

    public IReadOnlyList<string> Objections { get; private set; } = [];

    public IReadOnlyList<ErasureReport> Reports { get; private set; } = [];

    public string? Reason { get; private set; }

    public string? ReasonError => ModelState.MessagesFor("reason");

    public async Task<IActionResult> OnGetAsync(string? kind, string? q, Guid? subjectId, CancellationToken cancellationToken)
    {
        Search = await PersonSearch.RunAsync(subjects, kind, q, cancellationToken);
        if (subjectId is { } id)
        {
            Subject = await subjects.FindAsync(DataSubjects.ParseKind(Search.Kind)!.Value, id, cancellationToken);
            if (Subject is null)
            {
                return NotFound();
            }

            Objections = await erasures.ObjectionsAsync(Subject, cancellationToken);
        }

        Reports = await erasures.LatestAsync(50, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLoeschenAsync(string? kind, Guid? subjectId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await erasures.StartAsync(new StartErasureRequest(kind, subjectId, reason), cancellationToken);
        if (outcome.IsDone)
        {
            return Redirect($"/Datenschutz/Loeschung/{outcome.Value}");
        }

        outcome.CopyTo(ModelState, field => field == "reason" ? "reason" : string.Empty);
        Reason = reason;
        Search = await PersonSearch.RunAsync(subjects, kind, null, cancellationToken);
        if (subjectId is { } id && DataSubjects.ParseKind(kind) is { } parsed)
        {
            Subject = await subjects.FindAsync(parsed, id, cancellationToken);
            Objections = Subject is null ? [] : await erasures.ObjectionsAsync(Subject, cancellationToken);
        }

        Reports = await erasures.LatestAsync(50, cancellationToken);
        return Page();
    }
}
