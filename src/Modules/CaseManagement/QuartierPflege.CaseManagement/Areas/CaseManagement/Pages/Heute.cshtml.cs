using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Features.Cases.Today;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages;

/// <summary>"Heute": the case manager's first page after sign-in; coordination's version spans the programme.</summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class HeuteModel(GetToday getToday) : PageModel
{
    public TodayView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await getToday.HandleAsync(cancellationToken);

    /// <summary>"mehr als 500" where counting stopped early.</summary>
    public static string Count(int count, bool capped)
        => capped ? $"mehr als {count}" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A concern's text as a preview; the queue shows all of it.</summary>
    public static string Preview(string text) => text.Length > 160 ? text[..160] + " …" : text;
}
