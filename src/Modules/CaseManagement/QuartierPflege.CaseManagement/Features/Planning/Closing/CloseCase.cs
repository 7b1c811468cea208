using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.Closing;

/// <summary>Closing a case: an outcome for every problem situation (those already recorded may be left out).</summary>
internal sealed record CloseCaseRequest(List<ProblemOutcomeInput>? Outcomes);

internal sealed record ProblemOutcomeInput(Guid? ProblemId, ProblemOutcome? Outcome, string? Note);

internal sealed class CloseCaseRequestValidator : AbstractValidator<CloseCaseRequest>
{
    public CloseCaseRequestValidator()
    {
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
            return Outcome<LocalDate>.Conflict($"Der Fall wurde bereits am {PlanningNames.Date(@case.ClosedOn)} abgeschlossen.");
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
        @case.Status = CaseStatus.Closed;
        @case.ClosedOn = today;
        // Closed once: a concurrent closing or status change makes this one fail with 409.
        cases.StoreLoaded(@case);
        await outbox.PublishAsync(new CaseClosed(Guid.NewGuid(), clock.GetCurrentInstant(), @case.Id, today));
        audit.Record(AuditAction.Update, "Case", @case.Id,
            $"Fall abgeschlossen ({string.Join(", ", problems.Select(p => $"{p.Title}: {PlanningNames.Of(p.Outcome!.Value)}"))})", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(today, cancellationToken);
    }
}
