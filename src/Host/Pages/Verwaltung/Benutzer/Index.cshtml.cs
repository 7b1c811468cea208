using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Host.Identity.Features.Users;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

internal sealed class BenutzerIndexModel(ListUsers listUsers) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await listUsers.HandleAsync(cancellationToken);

    public string StatusOf(UserSummary user) => user switch
    {
        { Active: false } => "deaktiviert",
        { LockedUntil: { } until } => $"gesperrt bis {GermanDates.Show(until)} Uhr",
        _ => "aktiv",
    };
}
