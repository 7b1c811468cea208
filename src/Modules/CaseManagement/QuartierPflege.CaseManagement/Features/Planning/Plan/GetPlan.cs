using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

internal sealed record PlanView(
    Guid CaseId,
    string CaseNumber,
    Guid ResidentId,
    string ResidentName,
    string Quartier,
    LocalDate OpenedOn,
    CaseStatus Status,
    LocalDate? ClosedOn,
    IReadOnlyList<ProblemView> Problems);

internal sealed record ProblemView(
    Guid Id,
    ProblemKind Kind,
    string Title,
    string? OtherText,
    string? Description,
    IReadOnlyList<string> Alternatives,
    string? ChosenAlternative,
    string? ChoiceReason,
    Guid? SourceHomeVisitId,
    ProblemOutcome? Outcome,
    string? OutcomeNote,
    int Version,
    IReadOnlyList<StepView> Steps);

internal sealed record StepView(
    Guid Id,
    StepKind Kind,
    string Title,
    string Owner,
    LocalDate? DueOn,
    bool IsMilestone,
    StepStatus Status,
    int Version,
    FlagView? Flag,
    ReferralView? Referral,
    NeighbourHelpView? NeighbourHelp,
    IReadOnlyList<StepChangeView> History);

internal sealed record FlagView(StepFlagKind Kind, string Text, LocalDate Since, IReadOnlyList<PartnerChoice> AlternativePartners);

internal sealed record PartnerChoice(Guid PartnerId, string Name);

internal sealed record ReferralView(
    Guid ReferralId,
    Guid PartnerId,
    string PartnerName,
    string ServiceCategory,
    string DisclosedSummary,
    bool ContactDetailsDisclosed,
    LocalDate? RespondBy,
    ReferralStatus Status,
    Instant SentAt,
    Instant? AnsweredAt,
    Instant? CompletedAt,
    string? ContactPerson,
    string? Reason,
    double? ResponseHours,
    IReadOnlyList<PartnerChoice> NextPartners,
    EmergencyDisclosureView? Emergency = null);

/// <summary>A referral sent without the sharing consent (Notfall): why, by whom, when.</summary>
internal sealed record EmergencyDisclosureView(string Reason, string By, Instant At);

internal sealed record NeighbourHelpView(
    Guid RequestId,
    string RoleProfileKey,
    string Description,
    int HoursPerMonth,
    string? PreferredTimes,
    LocalDate StartsOn,
    NeighbourHelpStatus Status,
    string StatusText,
    IReadOnlyList<ProposedHelper> Candidates,
    Guid? ChosenVolunteerId,
    string? ChosenVolunteerName,
    Guid? AssignmentId,
    IReadOnlyList<string> RefusalReasons,
    string? WithdrawalReason = null);

internal sealed record StepChangeView(Instant At, string By, string Field, string From, string To);

/// <summary>The Wege-Hilfe-Plan of a case as the page and the API show it (a read, so it is audited).</summary>
internal sealed class GetPlan(PlanningCases cases, IDocumentSession session, AuditTrail audit, IPartnerDirectory partners)
{
    public async Task<PlanView?> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await cases.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var problems = (await session.Query<ProblemSituation>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).ToList();
        var steps = (await session.Query<PlanStep>().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(s => s.DueOn == null).ThenBy(s => s.DueOn).ThenBy(s => s.CreatedAt).ToList();
        var resident = await cases.ResidentAsync(@case, cancellationToken);
        var names = await PartnerNamesAsync(steps, cancellationToken);
        var next = await NextPartnersAsync(steps, @case.Quartier, cancellationToken);
        await audit.SaveReadAsync("Case", caseId, "Wege-Hilfe-Plan angesehen", @case.ResidentId, @case.Id, cancellationToken);

        return new PlanView(@case.Id, @case.Number, @case.ResidentId, resident?.DisplayName ?? string.Empty, @case.Quartier, @case.OpenedOn, @case.Status, @case.ClosedOn,
            problems.Select(p => new ProblemView(p.Id, p.Kind, p.Title, p.OtherText, p.Description, p.Alternatives, p.ChosenAlternative, p.ChoiceReason,
                p.SourceHomeVisitId, p.Outcome, p.OutcomeNote, p.Version,
                steps.Where(s => s.ProblemId == p.Id).Select(s => Describe(s, names, next)).ToList())).ToList());
    }

    private async Task<Dictionary<Guid, string>> PartnerNamesAsync(IEnumerable<PlanStep> steps, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in steps.SelectMany(s => s.Flag?.AlternativePartnerIds ?? []).Distinct())
        {
            names[id] = (await partners.GetAsync(id, cancellationToken))?.Name ?? "Netzwerkpartner (nicht mehr im Verzeichnis)";
        }

        return names;
    }

    /// <summary>
    /// For each open step whose referral a partner declined: the other active partners of the same category in the
    /// case's Quartier, leaving out those that already declined that category for this case (the next ones to ask).
    /// </summary>
    private async Task<Dictionary<Guid, IReadOnlyList<PartnerChoice>>> NextPartnersAsync(List<PlanStep> steps, string quartier, CancellationToken cancellationToken)
    {
        var next = new Dictionary<Guid, IReadOnlyList<PartnerChoice>>();
        var declined = steps.Where(s => s.Referral is { Status: ReferralStatus.Declined } && s.Status is not (StepStatus.Done or StepStatus.Cancelled)).ToList();
        foreach (var category in declined.Select(s => s.Referral!.ServiceCategory).Distinct(StringComparer.Ordinal))
        {
            var refused = steps.Where(s => s.Referral is { Status: ReferralStatus.Declined } r && r.ServiceCategory == category)
                .Select(s => s.Referral!.PartnerId).ToHashSet();
            IReadOnlyList<PartnerChoice> choices = [.. (await partners.FindPartnersAsync(category, quartier, cancellationToken))
                .Where(p => !refused.Contains(p.PartnerId))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture)
                .Select(p => new PartnerChoice(p.PartnerId, p.Name))];
            foreach (var step in declined.Where(s => s.Referral!.ServiceCategory == category))
            {
                next[step.Id] = choices;
            }
        }

        return next;
    }

    private static StepView Describe(PlanStep step, Dictionary<Guid, string> partnerNames, Dictionary<Guid, IReadOnlyList<PartnerChoice>> nextPartners) => new(
        step.Id,
        step.Kind,
        step.Title,
        step.Owner,
        step.DueOn,
        step.IsMilestone,
        step.Status,
        step.Version,
        step.Flag is { } flag
            ? new FlagView(flag.Kind, flag.Text, flag.Since, flag.AlternativePartnerIds.Select(id => new PartnerChoice(id, partnerNames[id])).ToList())
            : null,
        step.Referral is { } r
            ? new ReferralView(r.Id, r.PartnerId, r.PartnerName, r.ServiceCategory, r.DisclosedSummary, r.ContactDetailsDisclosed, r.RespondBy, r.Status,
                r.SentAt, r.AnsweredAt, r.CompletedAt, r.ContactPerson, r.Reason,
                r.AnsweredAt is { } answered ? Math.Round((answered - r.SentAt).TotalHours, 1) : null,
                nextPartners.GetValueOrDefault(step.Id, []),
                r.Emergency is { } e ? new EmergencyDisclosureView(e.Reason, e.ByName, e.At) : null)
            : null,
        step.NeighbourHelp is { } h
            ? new NeighbourHelpView(h.Id, h.RoleProfileKey, h.Description, h.HoursPerMonth, h.PreferredTimes, h.StartsOn, h.Status, PlanningNames.Of(h.Status),
                h.Candidates, h.ChosenVolunteerId, h.ChosenVolunteerName, h.AssignmentId, h.RefusalReasons, h.WithdrawalReason)
            : null,
        step.History.OrderBy(c => c.At).Select(c => new StepChangeView(c.At, c.ByName, c.Field, c.From, c.To)).ToList());
}
