using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Host.Identity.Features.Users;

namespace QuartierPflege.Host.Pages.Verwaltung.Benutzer;

internal sealed class BenutzerIndexModel(ListUsers listUsers) : PageModel
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.uuuu HH:mm");

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await listUsers.HandleAsync(cancellationToken);

    public string StatusOf(UserSummary user) => user switch
    {
        { Active: false } => "deaktiviert",
        { LockedUntil: { } until } => $"gesperrt bis {Shown.Format(until.InBerlin().LocalDateTime)} Uhr",
        _ => "aktiv",
    };
}
