using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Planning.HomeVisits;

/// <summary>
/// One action: every finding of a visit (domain at or above its threshold, or flagged) that is not yet a problem
/// situation becomes one, of the kind the domain suggests. Doing it twice adds nothing.
/// </summary>
internal sealed class TurnFindingsIntoProblems(PlanningCases cases, IDocumentSession session, AuditTrail audit, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<Guid>>> HandleAsync(Guid caseId, Guid visitId, CancellationToken cancellationToken)
    {
        var (@case, refusal) = await cases.EditableAsync<IReadOnlyList<Guid>>(caseId, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var visit = await session.LoadAsync<HomeVisit>(visitId, cancellationToken) is { } loaded && loaded.CaseId == caseId ? loaded : null;
        var template = visit is null ? null : HomeVisitTemplates.Find(visit.TemplateKey, visit.TemplateVersion);
        if (visit is null || template is null)
        {
            return Outcome<IReadOnlyList<Guid>>.NotFound("Der Hausbesuch wurde nicht gefunden.");
        }

        var existing = (await session.Query<ProblemSituation>().Where(p => p.SourceHomeVisitId == visitId).ToListAsync(cancellationToken))
            .Select(p => p.SourceDomain).ToList();
        var created = new List<Guid>();
        foreach (var domain in template.Domains.Where(d => d.IsFinding(visit.Content.Answers, visit.Content.FlaggedDomains) && !existing.Contains(d.Key)))
        {
            var note = visit.Content.DomainNotes.GetValueOrDefault(domain.Key);
            var problem = new ProblemSituation
            {
                CaseId = @case.Id,
                Kind = domain.SuggestedProblem,
                Description = $"Befund aus dem Hausbesuch vom {GermanDates.Show(visit.VisitedOn)}: {domain.Title} (Punktwert {domain.Score(visit.Content.Answers)})"
                              + (note is null ? string.Empty : $". {note}"),
                SourceHomeVisitId = visit.Id,
                SourceDomain = domain.Key,
                CreatedAt = clock.GetCurrentInstant(),
            };
            session.Insert(problem);
            created.Add(problem.Id);
            audit.Record(AuditAction.Create, "ProblemSituation", problem.Id, $"Problemlage aus Hausbesuch übernommen: {domain.Title}", @case.ResidentId, @case.Id);
        }

        await session.SaveChangesAsync(cancellationToken);
        return Outcome<IReadOnlyList<Guid>>.Done(created);
    }
}
