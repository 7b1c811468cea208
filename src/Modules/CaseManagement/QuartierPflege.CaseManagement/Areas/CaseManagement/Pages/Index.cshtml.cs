using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages;

/// <summary>The module's start page: the case manager's dashboard.</summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class IndexModel(GetDashboard getDashboard) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? Quartier { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "problem")]
    public string? Problem { get; set; }

    [BindProperty(SupportsGet = true, Name = "search")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public Dashboard? View { get; private set; }

    public bool IsCoordination => User.IsInRole(Roles.Koordination);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CaseStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<CaseStatus>(Status, out var parsed) && Enum.IsDefined(parsed))
            {
                status = parsed;
            }
            else
            {
                ModelState.AddModelError("status", "Bitte wählen Sie einen Status aus der Liste.");
            }
        }

        ProblemKind? problem = null;
        if (!string.IsNullOrEmpty(Problem))
        {
            if (Enum.TryParse<ProblemKind>(Problem, out var kind) && Enum.IsDefined(kind))
            {
                problem = kind;
            }
            else
            {
                ModelState.AddModelError("problem", "Bitte wählen Sie eine Problemlage aus der Liste.");
            }
        }

        var page = int.TryParse(PageNumber, out var number) && number >= 1 ? number : 1;
        var outcome = await getDashboard.HandleAsync(new DashboardQuery(Quartier, status, Search, page, problem), cancellationToken);
        if (outcome.IsDone)
        {
            View = outcome.Value;
        }
        else
        {
            new FormFeedback().CopyTo(outcome, ModelState, field => field);
        }
    }

    public string? ErrorFor(string field) => ModelState.MessagesFor(field);

    /// <summary>"mehr als 500" where counting stopped early.</summary>
    public static string CountText(int count, bool capped)
        => capped ? $"mehr als {count}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The address of another page of the same list, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("quartier", Quartier);
        Add("status", Status);
        Add("problem", Problem);
        Add("search", Search);
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/CaseManagement?" + string.Join("&", query);
    }
}
