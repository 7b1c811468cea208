using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

/// <summary>The helper chosen from the proposals, with the three declarations the case manager confirms.</summary>
internal sealed record ChooseHelperRequest(
    Guid? VolunteerId,
    bool NotRelatedUpToSecondDegree,
    bool NotSameHousehold,
    bool NotRegisteredCarer,
    int? Version);

internal sealed class ChooseHelperRequestValidator : AbstractValidator<ChooseHelperRequest>
{
    public ChooseHelperRequestValidator()
    {
        RuleFor(r => r.VolunteerId).NotNull().WithMessage("Bitte wählen Sie eine Helferin oder einen Helfer aus den Vorschlägen.")
            .NotEqual(Guid.Empty).WithMessage("Bitte wählen Sie eine Helferin oder einen Helfer aus den Vorschlägen.");
        RuleFor(r => r.NotRelatedUpToSecondDegree).Equal(true)
            .WithMessage("Bitte bestätigen Sie, dass die Helfer:in mit der Bewohner:in nicht bis zum 2. Grad verwandt oder verschwägert ist.");
        RuleFor(r => r.NotSameHousehold).Equal(true)
            .WithMessage("Bitte bestätigen Sie, dass die Helfer:in nicht im selben Haushalt lebt.");
        RuleFor(r => r.NotRegisteredCarer).Equal(true)
            .WithMessage("Bitte bestätigen Sie, dass die Helfer:in nicht die eingetragene Pflegeperson ist.");
        RuleFor(r => r.Version).NotNull().WithMessage(PlanningCases.VersionMissingMessage);
    }
}

internal sealed class ChooseHelper(
    PlanningCases cases,
    IMartenOutbox outbox,
    NeighbourHelpDisclosure disclosure,
    AuditTrail audit,
    IClock clock,
    IValidator<ChooseHelperRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid stepId, ChooseHelperRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var (@case, refusal) = await cases.EditableAsync<Guid>(caseId, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var step = await cases.FindStepAsync(caseId, stepId, cancellationToken);
        if (step?.NeighbourHelp is not { } help)
        {
            return Outcome<Guid>.NotFound("Die Nachbarschaftshilfe wurde nicht gefunden.");
        }

        var suspended = step.Flag?.Kind == StepFlagKind.HelperSuspended;
        if (!step.IsOpen || (help.Status == NeighbourHelpStatus.Started && !suspended))
        {
            return Outcome<Guid>.Invalid(string.Empty, "Für diese Maßnahme kann keine Helfer:in (mehr) gewählt werden.");
        }

        var candidate = help.Candidates.FirstOrDefault(c => c.VolunteerId == request.VolunteerId);
        if (candidate is null)
        {
            return Outcome<Guid>.Invalid("volunteerId", "Bitte wählen Sie eine Helfer:in aus den Vorschlägen.");
        }

        // Choosing discloses the resident to the helper: the consent must still be there.
        if (await disclosure.MissingConsentAsync(@case, cancellationToken) is { } missing)
        {
            return Outcome<Guid>.Invalid("consent", $"Die Helfer:in wurde nicht gewählt: {missing}");
        }

        var me = cases.Me;
        var now = clock.GetCurrentInstant();
        step.Change("Helfer:in", help.ChosenVolunteerName ?? "–", candidate.DisplayName, n => n, me, now, n => help.ChosenVolunteerName = n);
        help.ChosenVolunteerId = candidate.VolunteerId;
        help.ChosenBy = me.UserId;
        help.ChosenAt = now;
        help.Status = NeighbourHelpStatus.HelperChosen;
        help.AssignmentId = null;
        help.RefusalReasons = [];
        step.ChangeStatus(StepStatus.Waiting, me, now);
        if (suspended)
        {
            step.Flag = null;
        }

        cases.StoreSeen(step, request.Version!.Value);
        await outbox.PublishAsync(new HelperChosen(Guid.NewGuid(), now, help.Id, candidate.VolunteerId, me.UserId!.Value,
            new HelperDeclarations(request.NotRelatedUpToSecondDegree, request.NotSameHousehold, request.NotRegisteredCarer)));
        audit.Record(AuditAction.Update, "NeighbourHelp", help.Id, $"Helfer:in gewählt: {candidate.DisplayName}", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(step.Id, cancellationToken);
    }
}
