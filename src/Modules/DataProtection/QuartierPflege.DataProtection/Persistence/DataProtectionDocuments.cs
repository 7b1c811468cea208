using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.DataProtection.Persistence;

/// <summary>The module's documents in the product's one Marten store, in schema <c>data_protection</c>.</summary>
internal static class DataProtectionDocuments
{
    public const string SchemaName = "data_protection";

    public static IServiceCollection AddDataProtectionDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            o.Schema.For<RetentionSettingDocument>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true);
            o.Schema.For<DataProtectionAuditEntry>().DatabaseSchemaName(SchemaName).DocumentAlias("data_protection_audit_entry").Duplicate(e => e.At);
            o.MakeAppendOnly<DataProtectionAuditEntry>(SchemaName, "data_protection_audit_entry");
            o.Schema.For<SweepRun>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true).Duplicate(r => r.StartedAt);
            o.Schema.For<AccessCopy>().DatabaseSchemaName(SchemaName).Duplicate(c => c.ExpiresAt);
            o.Schema.For<AccessCopyFile>().DatabaseSchemaName(SchemaName);
            o.Schema.For<ErasureRequest>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true).Duplicate(r => r.RequestedAt);
        });
}

/// <summary>Coordination's period for one record kind (id = the kind's key); without one the declaration's default holds.</summary>
internal sealed class RetentionSettingDocument : JasperFx.IRevisioned
{
    public string Id { get; set; } = string.Empty;

    public int Years { get; set; }

    public int Months { get; set; }

    public int Days { get; set; }

    public Instant ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;

    public int Version { get; set; }

    public RetentionDuration Duration => new(Years, Months, Days);
}

internal enum AuditAction
{
    RetentionPeriodChanged = 0,
    SweepStarted = 1,
    AccessCopyCreated = 2,
    AccessCopyDownloaded = 3,
    ErasureStarted = 4,
}

/// <summary>
/// One line of the module's own audit: who did what, when. Append-only: the code only inserts these; the retention
/// sweep deletes them after their period.
/// </summary>
internal sealed class DataProtectionAuditEntry
{
    public Guid Id { get; set; }

    public Instant At { get; set; }

    public Guid? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>German, complete ("Aufbewahrungsfrist Auszahlungsbelege: 8 Jahre → 10 Jahre").</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>One module's report in a sweep run.</summary>
internal sealed record SweepAnswer(string Module, IReadOnlyList<RetentionCount> Counts, Instant ReceivedAt);

/// <summary>A retention sweep: when, who started it, which modules must answer, and what each did.</summary>
internal sealed class SweepRun : JasperFx.IRevisioned
{
    public Guid Id { get; set; }

    public LocalDate Date { get; set; }

    public Instant StartedAt { get; set; }

    public string StartedBy { get; set; } = string.Empty;

    public List<string> ExpectedModules { get; set; } = [];

    public List<SweepAnswer> Answers { get; set; } = [];

    public int Version { get; set; }

    public IReadOnlyList<string> Outstanding => [.. ExpectedModules.Where(m => Answers.All(a => a.Module != m))];
}

/// <summary>An Art. 15 copy: whose, who asked, until when it can be downloaded (the bytes are in <see cref="AccessCopyFile"/>).</summary>
internal sealed class AccessCopy
{
    public Guid Id { get; set; }

    public DataSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public string SubjectName { get; set; } = string.Empty;

    public Instant CreatedAt { get; set; }

    public Instant ExpiresAt { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public int Downloads { get; set; }

    /// <summary>Set when the sweep deleted the ZIP: the request stays as proof that the copy was made.</summary>
    public Instant? FileDeletedAt { get; set; }
}

/// <summary>The ZIP of an <see cref="AccessCopy"/>, apart so that lists never load the bytes.</summary>
internal sealed class AccessCopyFile
{
    public Guid Id { get; set; }

    public byte[] Zip { get; set; } = [];
}

/// <summary>One module's confirmation of an erasure.</summary>
internal sealed record ErasureAnswer(string Module, IReadOnlyList<ErasureLine> Lines, Instant ReceivedAt);

/// <summary>An Art. 17 erasure: whose, why, who started it, which modules must confirm, what each did.</summary>
internal sealed class ErasureRequest : JasperFx.IRevisioned
{
    public Guid Id { get; set; }

    public DataSubject Subject { get; set; } = null!;

    public string Reason { get; set; } = string.Empty;

    public string RequestedBy { get; set; } = string.Empty;

    public Instant RequestedAt { get; set; }

    public LocalDate Date { get; set; }

    /// <summary>Why the erasure did not start (objections of modules): then no module was asked.</summary>
    public List<string> Objections { get; set; } = [];

    public List<string> ExpectedModules { get; set; } = [];

    public List<ErasureAnswer> Answers { get; set; } = [];

    public int Version { get; set; }

    public bool Started => Objections.Count == 0;

    public IReadOnlyList<string> Outstanding => [.. ExpectedModules.Where(m => Answers.All(a => a.Module != m))];

    public bool Complete => Started && Outstanding.Count == 0;
}
