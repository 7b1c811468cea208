using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.HomeVisits;

internal sealed record HomeVisitView(
    Guid Id,
    LocalDate VisitedOn,
    string VisitedBy,
    string TemplateKey,
    int TemplateVersion,
    string? Notes,
    IReadOnlyList<DomainResultView> Domains);

/// <param name="ProblemId">The problem situation this finding became, if it was taken over.</param>
internal sealed record DomainResultView(
    string Key,
    string Title,
    int Score,
    int FindingFrom,
    bool Flagged,
    bool IsFinding,
    string? Note,
    Guid? ProblemId,
    IReadOnlyList<AnswerView> Answers);

internal sealed record AnswerView(string QuestionKey, string Question, string Answer, string AnswerText);

internal sealed record HomeVisitsView(Guid CaseId, string CaseNumber, Guid ResidentId, string ResidentName, LocalDate OpenedOn, bool IsClosed, IReadOnlyList<HomeVisitView> Visits);

internal sealed class ListHomeVisits(PlanningCases cases, IDocumentSession session, AuditTrail audit)
{
    public async Task<HomeVisitsView?> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await cases.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var visits = (await session.Query<HomeVisit>().Where(v => v.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).ToList();
        var takenOver = (await session.Query<ProblemSituation>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken))
            .Where(p => p.SourceHomeVisitId != null)
            .ToList();
        var resident = await cases.ResidentAsync(@case, cancellationToken);
        await audit.SaveReadAsync("HomeVisit", caseId, "Hausbesuche angesehen", @case.ResidentId, @case.Id, cancellationToken);
        return new HomeVisitsView(@case.Id, @case.Number, @case.ResidentId, resident?.DisplayName ?? string.Empty, @case.OpenedOn, @case.IsClosed,
            visits.Select(v => Describe(v, takenOver.Where(p => p.SourceHomeVisitId == v.Id).ToDictionary(p => p.SourceDomain ?? string.Empty, p => p.Id))).ToList());
    }

    public static HomeVisitView Describe(HomeVisit visit, IReadOnlyDictionary<string, Guid> problemsByDomain)
    {
        var template = HomeVisitTemplates.Find(visit.TemplateKey, visit.TemplateVersion);
        var content = visit.Content;
        var domains = template is null
            ? []
            : template.Domains.Select(d => new DomainResultView(
                d.Key,
                d.Title,
                d.Score(content.Answers),
                d.FindingFrom,
                content.FlaggedDomains.Contains(d.Key),
                d.IsFinding(content.Answers, content.FlaggedDomains),
                content.DomainNotes.GetValueOrDefault(d.Key),
                problemsByDomain.TryGetValue(d.Key, out var problemId) ? problemId : null,
                d.Questions.Where(q => content.Answers.ContainsKey(q.Key))
                    .Select(q => new AnswerView(q.Key, q.Text, content.Answers[q.Key], HomeVisitAnswers.Describe(q, content.Answers[q.Key])))
                    .ToList())).ToList();
        return new HomeVisitView(visit.Id, visit.VisitedOn, visit.VisitedBy, visit.TemplateKey, visit.TemplateVersion, content.Notes, domains);
    }
}
