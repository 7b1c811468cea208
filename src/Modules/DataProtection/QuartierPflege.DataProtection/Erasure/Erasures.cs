using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using Wolverine.Marten;

namespace QuartierPflege.DataProtection.Erasure;

internal sealed record StartErasureRequest(string? Kind, Guid? SubjectId, string? Reason);

internal sealed record ErasureLineView(string KindKey, string KindName, int Erased, int Restricted, LocalDate? RestrictedUntil, string? Note);

internal sealed record ErasureModuleView(string Module, Instant ReceivedAt, IReadOnlyList<ErasureLineView> Lines);

internal sealed record ErasureReport(
    Guid Id,
    string SubjectName,
    string SubjectKind,
    string Reason,
    string RequestedBy,
    Instant RequestedAt,
    IReadOnlyList<string> Objections,
    IReadOnlyList<string> Outstanding,
    IReadOnlyList<ErasureModuleView> Modules,
    bool Complete)
{
    public string State => Objections.Count > 0 ? "nicht begonnen" : Complete ? "vollständig" : "läuft";
}

/// <summary>
/// Art. 17: the objections of every module first (an open case, an active assignment); without any, an erasure request
/// that expects every registered module's confirmation, and the command to erase, committed together.
/// </summary>
internal sealed class Erasures(
    IDocumentSession session,
    IMartenOutbox outbox,
    DataSubjects subjects,
    IEnumerable<IPersonalDataHolder> holders,
    IEnumerable<IPersonalDataRegister> registers,
    ICurrentUser user,
    IClock clock)
{
    public const int ReasonLimit = 1000;

    public async Task<IReadOnlyList<string>> ObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
        => await Objections(holders, subject, cancellationToken);

    public static async Task<IReadOnlyList<string>> Objections(IEnumerable<IPersonalDataHolder> holders, DataSubject subject, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var holder in holders.OrderBy(h => h.Module, StringComparer.Ordinal))
        {
            reasons.AddRange((await holder.ErasureObjectionsAsync(subject, cancellationToken)).Select(r => $"{holder.Module}: {r}"));
        }

        return reasons;
    }

    public async Task<Outcome<Guid>> StartAsync(StartErasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var kind = DataSubjects.ParseKind(request.Kind);
        if (kind is null)
        {
            errors["kind"] = ["Bitte wählen Sie, ob es um eine Bewohnerin/einen Bewohner oder eine ehrenamtliche Person geht."];
        }

        if (request.SubjectId is null)
        {
            errors["subjectId"] = ["Bitte wählen Sie die Person aus."];
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["Bitte geben Sie den Grund der Löschung an (z. B. „Antrag der Person vom …“)."];
        }
        else if (reason.Length > ReasonLimit)
        {
            errors["reason"] = [$"Der Grund darf höchstens {ReasonLimit} Zeichen lang sein (jetzt {reason.Length})."];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        if (await subjects.FindAsync(kind!.Value, request.SubjectId!.Value, cancellationToken) is not { } subject)
        {
            return Outcome<Guid>.NotFound("Die Person wurde nicht gefunden.");
        }

        var objections = await ObjectionsAsync(subject, cancellationToken);
        if (objections.Count > 0)
        {
            return Outcome<Guid>.Invalid("subjectId", "Die Löschung ist jetzt nicht möglich: " + string.Join(" ", objections));
        }

        var erasure = Begin(subject, reason!, user.DisplayName, registers, clock, out var command);
        session.Insert(erasure);
        session.Insert(DataProtectionAudit.Entry(AuditAction.ErasureStarted, $"Löschung (Art. 17) für {subject.DisplayName} begonnen. Grund: {reason}",
            user.Id, user.DisplayName, erasure.RequestedAt));
        await outbox.PublishAsync(command);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(erasure.Id);
    }

    /// <summary>A started request and the command to the modules (shared with the handler of <see cref="ErasureRequested"/>).</summary>
    public static ErasureRequest Begin(DataSubject subject, string reason, string by, IEnumerable<IPersonalDataRegister> registers, IClock clock, out EraseDataSubject command, Guid? id = null)
    {
        var now = clock.GetCurrentInstant();
        var erasure = new ErasureRequest
        {
            Id = id ?? Guid.NewGuid(),
            Subject = subject,
            Reason = reason,
            RequestedBy = by,
            RequestedAt = now,
            Date = clock.Today(),
            ExpectedModules = [.. registers.Select(r => r.Module).Distinct().Order(StringComparer.Ordinal)],
        };
        command = new EraseDataSubject(Guid.NewGuid(), now, erasure.Id, subject, erasure.Date);
        return erasure;
    }

    public async Task<IReadOnlyList<ErasureReport>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var names = KindNames();
        return [.. (await session.Query<ErasureRequest>().OrderByDescending(r => r.RequestedAt).Take(count).ToListAsync(cancellationToken)).Select(r => Report(r, names))];
    }

    public async Task<ErasureReport?> ReportAsync(Guid id, CancellationToken cancellationToken)
        => await session.LoadAsync<ErasureRequest>(id, cancellationToken) is { } request ? Report(request, KindNames()) : null;

    private Dictionary<string, string> KindNames()
        => registers.SelectMany(r => r.Kinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First().Name);

    private static ErasureReport Report(ErasureRequest r, Dictionary<string, string> names)
        => new(r.Id, r.Subject.DisplayName, AccessCopyZip.KindName(r.Subject.Kind), r.Reason, r.RequestedBy, r.RequestedAt, r.Objections,
            r.Started ? r.Outstanding : [],
            [.. r.Answers.OrderBy(a => a.Module, StringComparer.Ordinal).Select(a => new ErasureModuleView(a.Module, a.ReceivedAt,
                [.. a.Lines.Select(l => new ErasureLineView(l.KindKey, names.GetValueOrDefault(l.KindKey, l.KindKey), l.Erased, l.Restricted, l.RestrictedUntil, l.Note))]))],
            r.Complete);

    /// <summary>"bis 31.12.2034" for a line kept restricted.</summary>
    public static string Until(LocalDate? date) => date is { } d ? $"bis {GermanDates.Show(d)}" : string.Empty;
}
