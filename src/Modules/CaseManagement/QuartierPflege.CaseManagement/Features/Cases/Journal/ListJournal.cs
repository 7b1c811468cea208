using Marten;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Cases.Overview;

namespace QuartierPflege.CaseManagement.Features.Cases.Journal;

internal sealed record CaseJournal(Guid CaseId, string CaseNumber, Guid ResidentId, string ResidentName, bool CaseClosed, bool ViewerIsOnlyDeputy, bool ViewerIsCoordination, IReadOnlyList<CaseConcern> Concerns, IReadOnlyList<JournalItem> Notes);

/// <summary>The case journal, newest first, without the confidential notes when the reader is only the deputy.</summary>
internal sealed class ListJournal(IQuerySession session, CaseAccess access, AuditTrail audit)
{
    public async Task<Outcome<CaseJournal>> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<CaseJournal>.NotFound("Der Fall wurde nicht gefunden.");
        }

        var onlyDeputy = access.IsOnlyDeputy(@case);
        var withhold = access.IsOnlyCoordination(@case);
        var notes = await JournalQueries.VisibleNotes(session, caseId, onlyDeputy)
            .OrderByDescending(n => n.WrittenAt).ToListAsync(cancellationToken);
        await audit.SaveReadAsync("Case", @case.Id, $"Journal des Falls {@case.Number} angesehen", @case.ResidentId, @case.Id, cancellationToken);
        return Outcome<CaseJournal>.Done(new CaseJournal(@case.Id, @case.Number, @case.ResidentId, @case.ResidentName, @case.IsClosed, onlyDeputy,
            withhold, await CaseConcerns.OfCaseAsync(session, caseId, cancellationToken), [.. notes.Select(n => JournalItem.From(n, withhold))]));
    }
}
