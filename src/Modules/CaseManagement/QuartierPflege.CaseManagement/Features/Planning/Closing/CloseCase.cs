using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.Closing;

/// <summary>
/// Closing a case: an outcome for every problem situation (those already recorded may be left out), the reason and a
/// summary. Whatever is still running ends with it (see <see cref="CloseCase"/>).
/// </summary>
internal sealed record CloseCaseRequest(List<ProblemOutcomeInput>? Outcomes, ClosingReason? Reason = null, string? Summary = null);

internal sealed record ProblemOutcomeInput(Guid? ProblemId, ProblemOutcome? Outcome, string? Note);

internal sealed class CloseCaseRequestValidator : AbstractValidator<CloseCaseRequest>
{
    public CloseCaseRequestValidator()
    {
        RuleFor(r => r.Reason).NotNull().WithMessage("Bitte wählen Sie den Grund des Abschlusses.")
            .IsInEnum().WithMessage("Bitte wählen Sie einen Grund aus der Liste.");
        RuleFor(r => r.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Bitte fassen Sie den Fall zum Abschluss kurz zusammen.")
            .Must(s => s is null || s.Trim().Length <= 2000).WithMessage("Die Zusammenfassung darf höchstens 2.000 Zeichen lang sein.");
        RuleForEach(r => r.Outcomes).ChildRules(outcome =>
        {
            outcome.RuleFor(o => o.ProblemId).NotNull().WithMessage("Die Problemlage fehlt.");
            outcome.RuleFor(o => o.Outcome).NotNull().WithMessage("Bitte wählen Sie das Ergebnis.")
                .IsInEnum().WithMessage("Dieses Ergebnis ist nicht bekannt.");
            outcome.RuleFor(o => o.Note).MaximumLength(1000).WithMessage("Die Notiz darf höchstens 1000 Zeichen lang sein.");
        });
    }
}

internal sealed class CloseCase(
    PlanningCases cases,
    IDocumentSession session,
    IMartenOutbox outbox,
    AuditTrail audit,
    IClock clock,
    ConsentWithdrawalEffects consentEffects,
    IValidator<CloseCaseRequest> validator)
{
    public async Task<Outcome<LocalDate>> HandleAsync(Guid caseId, CloseCaseRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<LocalDate>.Invalid(validation);
        }

        var @case = await cases.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<LocalDate>.NotFound(PlanningCases.NotFoundMessage);
        }

        if (@case.IsClosed)
        {
            return Outcome<LocalDate>.Conflict($"Der Fall wurde bereits am {GermanDates.Show(@case.ClosedOn)} abgeschlossen.");
        }

        var problems = (await session.Query<ProblemSituation>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).ToList();
        var inputs = request.Outcomes ?? [];
        var errors = new Dictionary<string, string[]>();
        foreach (var (input, index) in inputs.Select((o, i) => (o, i)))
        {
            if (problems.All(p => p.Id != input.ProblemId))
            {
                errors[$"outcomes[{index}].problemId"] = ["Diese Problemlage gehört nicht zu diesem Fall."];
            }
        }

        var missing = problems.Where(p => p.Outcome is null && inputs.All(o => o.ProblemId != p.Id)).ToList();
        if (missing.Count > 0)
        {
            errors["outcomes"] = [$"Bitte tragen Sie für jede Problemlage ein Ergebnis ein. Es fehlt: {string.Join(", ", missing.Select(p => p.Title))}."];
        }

        if (errors.Count > 0)
        {
            return Outcome<LocalDate>.Invalid(errors);
        }

        foreach (var input in inputs)
        {
            var problem = problems.Single(p => p.Id == input.ProblemId);
            problem.Outcome = input.Outcome;
            problem.OutcomeNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            cases.StoreLoaded(problem);
        }

        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var ended = await EndWhatIsRunningAsync(@case, now, cancellationToken);
        @case.Status = CaseStatus.Closed;
        @case.ClosedOn = today;
        @case.ClosingReason = request.Reason;
        @case.ClosingSummary = request.Summary!.Trim();
        // Closed once: a concurrent closing or status change makes this one fail with 409.
        cases.StoreLoaded(@case);
        await outbox.PublishAsync(new CaseClosed(Guid.NewGuid(), clock.GetCurrentInstant(), @case.Id, today));
        audit.Record(AuditAction.Update, "Case", @case.Id,
            $"Fall abgeschlossen: {ClosingReasons.Describe(request.Reason!.Value)} ({string.Join(", ", problems.Select(p => $"{p.Title}: {PlanningNames.Of(p.Outcome!.Value)}"))})"
            + (ended.Count == 0 ? string.Empty : $"; beendet: {string.Join(", ", ended)}"), @case.ResidentId, @case.Id);
        // "Daten speichern" was withdrawn while the case was open: now that it is closed, the erasure starts.
        await consentEffects.ErasureAtClosingAsync(@case, cancellationToken);
        return await cases.SaveAsync(today, cancellationToken);
    }

    /// <summary>What the close will end: open follow-ups, open referrals (withdrawn), neighbour help not yet started and other open steps.</summary>
    public async Task<IReadOnlyList<string>> RunningAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var steps = await session.Query<PlanStep>().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken);
        var followUps = await session.Query<FollowUp>().Where(f => f.CaseId == caseId && f.DoneAt == null).ToListAsync(cancellationToken);
        return [.. followUps.OrderBy(f => f.DueOn).Select(f => $"Wiedervorlage zum {GermanDates.Show(f.DueOn)}: {f.Title}"),
            .. steps.Where(s => s.IsOpen).OrderBy(s => s.CreatedAt).Select(Describe)];
    }

    private static string Describe(PlanStep step) => step switch
    {
        { Referral: { IsOpen: true } referral } => $"Vermittlung an {referral.PartnerName} ({step.Title}): wird zurückgezogen, der Partner erfährt es",
        { NeighbourHelp: { } } => $"Nachbarschaftshilfe ({step.Title}): wird beendet",
        _ => $"Maßnahme „{step.Title}“: wird abgebrochen",
    };

    /// <summary>
    /// Ends what is still running in the same commit as the close: an open referral is withdrawn (the partner gets
    /// case-management.referral-withdrawn.v1), open steps are cancelled, open follow-ups done. The Volunteers module ends
    /// assignments and drops open requests on case-management.case-closed.v1 (so neighbour-help-withdrawn is not sent too).
    /// </summary>
    private async Task<List<string>> EndWhatIsRunningAsync(Case @case, Instant now, CancellationToken cancellationToken)
    {
        var ended = new List<string>();
        var me = cases.Me;
        foreach (var followUp in await session.Query<FollowUp>().Where(f => f.CaseId == @case.Id && f.DoneAt == null).ToListAsync(cancellationToken))
        {
            followUp.MarkDone(true, me.UserId ?? Guid.Empty, me.Name, now);
            session.Update(followUp);
            ended.Add($"Wiedervorlage „{followUp.Title}“");
        }

        foreach (var step in (await session.Query<PlanStep>().Where(s => s.CaseId == @case.Id).ToListAsync(cancellationToken)).Where(s => s.IsOpen))
        {
            if (step.Referral is { IsOpen: true } referral)
            {
                const string reason = "Der Fall wurde abgeschlossen.";
                step.Change("Vermittlung", referral.Status, ReferralStatus.Withdrawn, PlanningNames.Of, me, now, s => referral.Status = s);
                referral.Reason = reason;
                await outbox.PublishAsync(new ReferralWithdrawn(Guid.NewGuid(), now, referral.Id, reason, ReferralWithdrawalCause.CaseClosed));
                ended.Add($"Vermittlung an {referral.PartnerName} zurückgezogen");
            }
            else
            {
                ended.Add($"Maßnahme „{step.Title}“ abgebrochen");
            }

            step.ChangeStatus(StepStatus.Cancelled, me, now);
            step.Flag = null;
            cases.StoreLoaded(step);
        }

        return ended;
    }
}
