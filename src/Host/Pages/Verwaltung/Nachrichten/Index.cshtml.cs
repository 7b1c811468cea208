using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Host.Pages.Verwaltung.Nachrichten;

internal sealed class NachrichtenModel(MessageMonitor monitor) : PageModel
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.uuuu HH:mm:ss");

    public IReadOnlyList<ModuleMessageFlow> Flow { get; private set; } = [];

    public IReadOnlyList<MessageSummary> DeadLetters { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Flow = await monitor.FlowAsync(cancellationToken);
        DeadLetters = await monitor.DeadLettersAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReplayAsync(string schema, long id, CancellationToken cancellationToken)
    {
        Message = await monitor.ReplayAsync(schema, id, cancellationToken)
            ? "Die Nachricht wird erneut zugestellt."
            : "Diese Nachricht ist nicht mehr unzustellbar (vielleicht hat sie schon jemand erneut zugestellt).";
        return RedirectToPage();
    }

    public string Shown(Instant instant) => Pattern.Format(instant.InBerlin().LocalDateTime);
}
