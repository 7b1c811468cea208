using NodaTime;

namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>A preventive home visit (präventiver Hausbesuch) of a case, recorded with a versioned checklist.</summary>
internal sealed class HomeVisit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public LocalDate VisitedOn { get; init; }

    /// <summary>Who visited (a name: a visit may be made by a colleague or in pairs).</summary>
    public required string VisitedBy { get; set; }

    public required string TemplateKey { get; init; }

    public int TemplateVersion { get; init; }

    /// <summary>Answers, notes and flags, embedded: their shape follows the template version.</summary>
    public required HomeVisitContent Content { get; set; }

    public Instant RecordedAt { get; init; }

    public Guid RecordedBy { get; init; }

    /// <summary>The day the retention sweep anonymised this record (null: not yet); never counted or changed again.</summary>
    public LocalDate? AnonymisedOn { get; set; }
}

/// <summary>What was found: question key → answer, domain key → note, the domains the visitor marked, a general note.</summary>
internal sealed record HomeVisitContent(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> DomainNotes,
    IReadOnlyList<string> FlaggedDomains,
    string? Notes);
