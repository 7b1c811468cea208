using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;

namespace QuartierPflege.DataProtection.Register;

/// <summary>What a sweep of the module's own data would remove on a date (plain rules, the handler and the forecast share them).</summary>
internal sealed record OwnDue(
    IReadOnlyList<AccessCopy> Copies,
    IReadOnlyList<DataProtectionAuditEntry> AuditEntries,
    IReadOnlyList<ErasureRequest> ErasureRequests)
{
    public IReadOnlyList<RetentionCount> Counts =>
    [
        new(DataProtectionPersonalData.AccessCopyKind, 0, Copies.Count),
        new(DataProtectionPersonalData.AuditKind, 0, AuditEntries.Count),
        new(DataProtectionPersonalData.ErasureRequestKind, 0, ErasureRequests.Count),
    ];
}

internal static class OwnRetention
{
    /// <summary>A record is due when its period, counted from its day in Berlin, ended before <paramref name="date"/>.</summary>
    public static bool IsDue(Instant start, RetentionDuration period, LocalDate date) => period.EndsAfter(start.InBerlin().Date) < date;

    public static async Task<OwnDue> DueAsync(IQuerySession session, LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        // The stored copies' period runs from creation; the ZIP also stops being served at ExpiresAt (see AccessCopies).
        var copyPeriod = periods.For(DataProtectionPersonalData.AccessCopyKind);
        var auditPeriod = periods.For(DataProtectionPersonalData.AuditKind);
        var erasurePeriod = periods.For(DataProtectionPersonalData.ErasureRequestKind);
        var copyCut = Berlin.StartOfDay(copyPeriod.Before(date));
        var auditCut = Berlin.StartOfDay(auditPeriod.Before(date));
        var erasureCut = Berlin.StartOfDay(erasurePeriod.Before(date));
        // Few copies exist at a time (their files go after days): filtered here rather than on undeclared JSON members.
        var copies = (await session.Query<AccessCopy>().ToListAsync(cancellationToken)).Where(c => c.FileDeletedAt is null && c.CreatedAt < copyCut).ToList();
        var audit = await session.Query<DataProtectionAuditEntry>().Where(e => e.At < auditCut).ToListAsync(cancellationToken);
        var erasures = await session.Query<ErasureRequest>().Where(r => r.RequestedAt < erasureCut).ToListAsync(cancellationToken);
        return new OwnDue(
            [.. copies.Where(c => IsDue(c.CreatedAt, copyPeriod, date))],
            [.. audit.Where(e => IsDue(e.At, auditPeriod, date))],
            [.. erasures.Where(r => IsDue(r.RequestedAt, erasurePeriod, date))]);
    }
}

/// <summary>The module's answer to the other data-protection questions about its own records.</summary>
internal sealed class DataProtectionPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => DataProtectionPersonalData.ModuleName;

    public async Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return (await OwnRetention.DueAsync(session, date, periods, cancellationToken)).Counts;
    }

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var id = subject.Id;
        var copies = await session.Query<AccessCopy>().Where(c => c.SubjectId == id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var erasures = await session.Query<ErasureRequest>().Where(r => r.Subject.Id == id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        return new PersonalDataSection(Module,
        [
            .. copies.Select(c => new PersonalDataRecord(DataProtectionPersonalData.AccessCopyKind, $"Auskunft vom {GermanDates.Show(c.CreatedAt)}",
            [
                new PersonalDataField("Erstellt von", c.RequestedBy),
                new PersonalDataField("Abrufbar bis", GermanDates.Show(c.ExpiresAt)),
                new PersonalDataField("Heruntergeladen", $"{c.Downloads}-mal"),
            ])),
            .. erasures.Select(r => new PersonalDataRecord(DataProtectionPersonalData.ErasureRequestKind, $"Löschauftrag vom {GermanDates.Show(r.RequestedAt)}",
            [
                new PersonalDataField("Grund", r.Reason),
                new PersonalDataField("Begonnen von", r.RequestedBy),
            ])),
        ]);
    }

    public Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);
}
