using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Register;

namespace QuartierPflege.DataProtection.AccessCopies;

internal sealed record CreateAccessCopyRequest(string? Kind, Guid? SubjectId);

internal sealed record AccessCopyView(Guid Id, string SubjectName, string SubjectKind, Instant CreatedAt, Instant ExpiresAt, string RequestedBy, int Downloads, bool Available);

internal sealed record AccessCopyDownload(string FileName, byte[] Zip);

/// <summary>Art. 15: coordination makes a person's copy from every module's answer; it can be downloaded for 7 days.</summary>
internal sealed class AccessCopies(
    IDocumentSession session,
    DataSubjects subjects,
    IEnumerable<IPersonalDataHolder> holders,
    IEnumerable<IPersonalDataRegister> registers,
    DataProtectionAudit audit,
    ICurrentUser user,
    IClock clock)
{
    /// <summary>The download period of the issue; the sweep deletes the ZIP after the period in force for its kind.</summary>
    public static readonly Duration Availability = Duration.FromDays(7);

    public const string ExpiredMessage = "Diese Auskunft ist nicht mehr abrufbar: Kopien werden nur 7 Tage bereitgehalten. Bitte erstellen Sie eine neue.";

    public async Task<Outcome<Guid>> CreateAsync(CreateAccessCopyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DataSubjects.ParseKind(request.Kind) is not { } kind)
        {
            return Outcome<Guid>.Invalid("kind", "Bitte wählen Sie, ob es um eine Bewohnerin/einen Bewohner oder eine ehrenamtliche Person geht.");
        }

        if (request.SubjectId is not { } subjectId)
        {
            return Outcome<Guid>.Invalid("subjectId", "Bitte wählen Sie die Person aus.");
        }

        if (await subjects.FindAsync(kind, subjectId, cancellationToken) is not { } subject)
        {
            return Outcome<Guid>.NotFound("Die Person wurde nicht gefunden.");
        }

        var sections = new List<PersonalDataSection>();
        foreach (var holder in holders.OrderBy(h => h.Module, StringComparer.Ordinal))
        {
            sections.Add(await holder.ExportAsync(subject, cancellationToken));
        }

        var now = clock.GetCurrentInstant();
        var copy = new AccessCopy
        {
            Id = Guid.NewGuid(),
            SubjectKind = kind,
            SubjectId = subject.Id,
            SubjectName = subject.DisplayName,
            CreatedAt = now,
            ExpiresAt = now + Availability,
            RequestedBy = user.DisplayName,
        };
        var kindNames = registers.SelectMany(r => r.Kinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First().Name);
        var zip = AccessCopyZip.Build(new AccessCopyHeader(subject, copy.RequestedBy, copy.CreatedAt, copy.ExpiresAt), sections, kindNames);
        session.Insert(copy);
        session.Insert(new AccessCopyFile { Id = copy.Id, Zip = zip });
        audit.Record(AuditAction.AccessCopyCreated, $"Auskunft (Art. 15) für {subject.DisplayName} ({AccessCopyZip.KindName(kind)}) erstellt, abrufbar bis {GermanDates.Show(copy.ExpiresAt)}");
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(copy.Id);
    }

    public async Task<IReadOnlyList<AccessCopyView>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return [.. (await session.Query<AccessCopy>().OrderByDescending(c => c.CreatedAt).Take(count).ToListAsync(cancellationToken)).Select(c => View(c, now))];
    }

    public async Task<AccessCopyView?> FindAsync(Guid id, CancellationToken cancellationToken)
        => await session.LoadAsync<AccessCopy>(id, cancellationToken) is { } copy ? View(copy, clock.GetCurrentInstant()) : null;

    /// <summary>The ZIP while it may be handed out (each download audited); Conflict with <see cref="ExpiredMessage"/> after.</summary>
    public async Task<Outcome<AccessCopyDownload>> DownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var copy = await session.LoadAsync<AccessCopy>(id, cancellationToken);
        if (copy is null)
        {
            return Outcome<AccessCopyDownload>.NotFound("Diese Auskunft gibt es nicht.");
        }

        var file = await session.LoadAsync<AccessCopyFile>(id, cancellationToken);
        if (!View(copy, clock.GetCurrentInstant()).Available || file is null)
        {
            return Outcome<AccessCopyDownload>.Conflict(ExpiredMessage);
        }

        copy.Downloads++;
        session.Store(copy);
        audit.Record(AuditAction.AccessCopyDownloaded, $"Auskunft (Art. 15) für {copy.SubjectName} vom {GermanDates.Show(copy.CreatedAt)} heruntergeladen");
        await session.SaveChangesAsync(cancellationToken);
        var day = copy.CreatedAt.InBerlin().Date;
        return Outcome<AccessCopyDownload>.Done(new AccessCopyDownload($"auskunft-{day:yyyy-MM-dd}-{copy.Id.ToString("N")[..8]}.zip", file.Zip));
    }

    private static AccessCopyView View(AccessCopy c, Instant now)
        => new(c.Id, c.SubjectName, AccessCopyZip.KindName(c.SubjectKind), c.CreatedAt, c.ExpiresAt, c.RequestedBy, c.Downloads,
            c.FileDeletedAt is null && now < c.ExpiresAt);
}
