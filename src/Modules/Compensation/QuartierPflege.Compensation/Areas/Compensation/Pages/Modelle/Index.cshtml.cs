using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages.Modelle;

/// <summary>The compensation models with their rate periods (defaults until finance saves one).</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class ModelleIndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<CompensationModel> Models { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Models = [.. (await Catalogue.ModelsAsync(session, cancellationToken)).Values.OrderBy(m => m.Name, StringComparer.CurrentCulture)];
}
