using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Retention;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>The record of processing activities, one section per module, generated from the modules' registers.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class VerzeichnisModel(RetentionSettings settings, IClock clock) : PageModel
{
    public List<IGrouping<string, RetentionKindView>> Modules { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Modules = [.. (await settings.ViewAsync(cancellationToken)).GroupBy(k => k.Module)];
    }
}
