using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;

namespace QuartierPflege.CaseManagement.Features.Residents.Protocol;

internal sealed record ProtocolEntry(Instant At, Guid UserId, string UserName, AuditAction Action, string ActionText, string RecordKind, string Description);

internal sealed record CaseProtocol(Guid CaseId, Guid ResidentId, string CaseNumber, string ResidentName, IReadOnlyList<ProtocolEntry> Entries, int Page, int PageCount);

/// <summary>Who read or changed the case and its resident, newest first. Reading the protocol is itself recorded.</summary>
internal sealed class ReadCaseProtocol(IQuerySession session, CaseAccess access, AuditTrail audit)
{
    public const int PageSize = 100;

    public async Task<Outcome<CaseProtocol>> HandleAsync(Guid caseId, int? page, CancellationToken cancellationToken)
    {
        if (page is < 1 or > 100_000)
        {
            return Outcome<CaseProtocol>.Invalid("page", "Die Seite muss eine Zahl ab 1 sein.");
        }

        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<CaseProtocol>.NotFound("Der Fall wurde nicht gefunden.");
        }

        await audit.SaveReadAsync("Case", @case.Id, $"Protokoll des Falls {@case.Number} angesehen", @case.ResidentId, @case.Id, cancellationToken);
        Guid? ofCase = @case.Id;
        Guid? ofResident = @case.ResidentId;
        // This case's entries and the resident's own (master data, consents: no case id); another case of the same
        // resident stays out (its titles, partners and helpers are for that case's people).
        var entries = session.Query<AuditEntry>().Where(e => e.CaseId == ofCase || (e.ResidentId == ofResident && e.CaseId == null));
        if (access.IsOnlyDeputy(@case))
        {
            entries = entries.Where(e => !e.Confidential);
        }

        var total = await entries.CountAsync(cancellationToken);
        var number = page ?? 1;
        var shown = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Outcome<CaseProtocol>.Done(new CaseProtocol(@case.Id, @case.ResidentId, @case.Number, @case.ResidentName,
            [.. shown.Select(e => new ProtocolEntry(e.At, e.UserId, e.UserName, e.Action, Describe(e.Action), e.RecordKind, e.Description))],
            number, Math.Max(1, (total + PageSize - 1) / PageSize)));
    }

    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Read => "angesehen",
        AuditAction.Create => "angelegt",
        AuditAction.Update => "geändert",
        AuditAction.Delete => "gelöscht",
        AuditAction.DeniedRead => "Zugriff verweigert",
        _ => action.ToString(),
    };
}
