using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Network;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class WasWaereWennModel(IQuerySession session, CoverageQuery coverage) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "partner")]
    public Guid? PartnerId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Choices { get; private set; } = [];

    public Partner? Partner { get; private set; }

    public IReadOnlyList<WhatIfCell> WhatIf { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = [.. (await session.Query<Partner>().Where(p => p.Status == PartnerStatus.Active).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name))];
        if (PartnerId is { } id && await session.LoadAsync<Partner>(id, cancellationToken) is { } partner)
        {
            Partner = partner;
            WhatIf = Coverage.WhatIf(partner, await coverage.HandleAsync(new CoverageFilter(), cancellationToken));
        }
    }
}
