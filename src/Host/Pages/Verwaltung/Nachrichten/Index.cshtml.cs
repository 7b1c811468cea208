using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Host.Pages.Verwaltung.Nachrichten;

internal sealed class NachrichtenModel(MessageAdministration admin) : PageModel
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.uuuu HH:mm:ss");

    public IReadOnlyList<QueueCounts> Queues { get; private set; } = [];

    public IReadOnlyList<DeadLetter> DeadLetters { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queues = await admin.QueuesAsync(cancellationToken);
        DeadLetters = await admin.DeadLettersAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        Message = ids.Length == 0
            ? "Bitte wählen Sie mindestens eine Nachricht aus."
            : Outcome(await admin.ReplayAsync(ids, cancellationToken), ids, "wird erneut zugestellt", "werden erneut zugestellt");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        Message = ids.Length == 0
            ? "Bitte wählen Sie mindestens eine Nachricht aus."
            : Outcome(await admin.DiscardAsync(ids, cancellationToken), ids, "wurde verworfen", "wurden verworfen");
        return RedirectToPage();
    }

    public string Shown(Instant instant) => Pattern.Format(instant.InBerlin().LocalDateTime);

    private static string Outcome(IReadOnlyList<Guid> done, Guid[] asked, string one, string many)
    {
        if (done.Count == 0)
        {
            return "Die ausgewählten Nachrichten sind nicht mehr unzustellbar (vielleicht hat sie schon jemand erneut zugestellt oder verworfen).";
        }

        var text = done.Count == 1 ? $"1 Nachricht {one}." : $"{done.Count} Nachrichten {many}.";
        var missing = asked.Distinct().Count() - done.Count;
        return missing > 0
            ? $"{text} {missing} war(en) nicht mehr unzustellbar (vielleicht hat sie schon jemand erneut zugestellt oder verworfen)."
            : text;
    }
}
