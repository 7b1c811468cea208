using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>A new step of a problem; a referral or neighbour help carries what is disclosed (and is sent at once).</summary>
internal sealed record AddStepRequest(
    StepKind? Kind,
    string? Title,
    string? Owner,
    LocalDate? DueOn,
    bool IsMilestone,
    ReferralInput? Referral = null,
    NeighbourHelpInput? NeighbourHelp = null);

/// <param name="DisclosedSummary">Written by the case manager for this partner: only what the resident agreed to disclose, no diagnoses.</param>
/// <param name="DiscloseContactDetails">Whether the resident agreed that the partner gets name, address and phone.</param>
/// <param name="Emergency">Notfall: send even without the sharing consent; only with <paramref name="EmergencyReason"/>.</param>
internal sealed record ReferralInput(
    Guid? PartnerId,
    string? ServiceCategory,
    string? DisclosedSummary,
    bool DiscloseContactDetails,
    LocalDate? RespondBy,
    bool Emergency = false,
    string? EmergencyReason = null);

internal sealed record NeighbourHelpInput(string? RoleProfileKey, string? Description, int? HoursPerMonth, string? PreferredTimes, LocalDate? StartsOn);

internal sealed class AddStepRequestValidator : AbstractValidator<AddStepRequest>
{
    public AddStepRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("Bitte wählen Sie die Art der Maßnahme.")
            .IsInEnum().WithMessage("Diese Art der Maßnahme ist nicht bekannt.");
        RuleFor(r => r.Title).StepTitle();
        RuleFor(r => r.Owner).StepOwner();
        RuleFor(r => r.Referral).NotNull().When(r => r.Kind == StepKind.Referral)
            .WithMessage("Bitte geben Sie Netzwerkpartner, Leistungsart und die freigegebene Zusammenfassung an.");
        RuleFor(r => r.NeighbourHelp).NotNull().When(r => r.Kind == StepKind.NeighbourHelp)
            .WithMessage("Bitte geben Sie Rollenprofil, Beschreibung, Stunden im Monat und Beginn an.");
        When(r => r.Kind == StepKind.Referral && r.Referral is not null, () =>
        {
            RuleFor(r => r.Referral!.PartnerId).NotNull().WithMessage("Bitte wählen Sie den Netzwerkpartner.")
                .NotEqual(Guid.Empty).WithMessage("Bitte wählen Sie den Netzwerkpartner.");
            RuleFor(r => r.Referral!.ServiceCategory).NotEmpty().WithMessage("Bitte wählen Sie die Leistungsart.")
                .Must(c => c is null || ServiceCategories.IsKnown(c)).WithMessage("Diese Leistungsart ist nicht bekannt.");
            RuleFor(r => r.Referral!.DisclosedSummary)
                .NotEmpty().WithMessage("Bitte schreiben Sie die Zusammenfassung, die der Partner erhalten darf.")
                .MaximumLength(2000).WithMessage("Die Zusammenfassung darf höchstens 2000 Zeichen lang sein.");
            RuleFor(r => r.Referral!.EmergencyReason)
                .NotEmpty().When(r => r.Referral!.Emergency)
                .WithMessage("Bitte begründen Sie die Notfall-Weitergabe ohne Einwilligung (welche akute Gefahr besteht).")
                .MaximumLength(EmergencyDisclosure.ReasonMaxLength)
                .WithMessage($"Die Begründung der Notfall-Weitergabe darf höchstens {EmergencyDisclosure.ReasonMaxLength} Zeichen lang sein.");
        });
        When(r => r.Kind == StepKind.NeighbourHelp && r.NeighbourHelp is not null, () =>
        {
            RuleFor(r => r.NeighbourHelp!.RoleProfileKey).NotEmpty().WithMessage("Bitte wählen Sie das Rollenprofil.")
                .Must(k => k is null || RoleProfiles.Names.ContainsKey(k)).WithMessage("Dieses Rollenprofil ist nicht bekannt.");
            RuleFor(r => r.NeighbourHelp!.Description)
                .NotEmpty().WithMessage("Bitte beschreiben Sie die Hilfe (ohne Diagnosen).")
                .MaximumLength(2000).WithMessage("Die Beschreibung darf höchstens 2000 Zeichen lang sein.");
            RuleFor(r => r.NeighbourHelp!.HoursPerMonth).NotNull().WithMessage("Bitte geben Sie die Stunden im Monat an.")
                .InclusiveBetween(1, 40).WithMessage("Nachbarschaftshilfe umfasst 1 bis höchstens 40 Stunden im Monat.");
            RuleFor(r => r.NeighbourHelp!.PreferredTimes).MaximumLength(500).WithMessage("Die Wunschzeiten dürfen höchstens 500 Zeichen lang sein.");
            RuleFor(r => r.NeighbourHelp!.StartsOn).NotNull().WithMessage("Bitte geben Sie an, ab wann die Hilfe beginnen soll.");
        });
    }
}

internal static class StepRules
{
    public static IRuleBuilderOptions<T, string?> StepTitle<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().WithMessage("Bitte geben Sie einen Titel ein.")
            .MaximumLength(200).WithMessage("Der Titel darf höchstens 200 Zeichen lang sein.");

    public static IRuleBuilderOptions<T, string?> StepOwner<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().WithMessage("Bitte geben Sie an, wer für die Maßnahme zuständig ist.")
            .MaximumLength(200).WithMessage("Die Zuständigkeit darf höchstens 200 Zeichen lang sein.");

    public static string DueBeforeOpening(LocalDate openedOn)
        => $"Das Fälligkeitsdatum darf nicht vor der Eröffnung des Falls ({GermanDates.Show(openedOn)}) liegen.";
}

internal sealed class AddStep(
    PlanningCases cases,
    IDocumentSession session,
    AuditTrail audit,
    IClock clock,
    ReferralDisclosure referrals,
    NeighbourHelpDisclosure neighbourHelp,
    IValidator<AddStepRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid problemId, AddStepRequest request, CancellationToken cancellationToken)
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

        if (await session.LoadAsync<ProblemSituation>(problemId, cancellationToken) is not { } problem || problem.CaseId != caseId)
        {
            return Outcome<Guid>.NotFound(PlanningCases.ProblemNotFoundMessage);
        }

        if (request.DueOn < @case.OpenedOn)
        {
            return Outcome<Guid>.Invalid("dueOn", StepRules.DueBeforeOpening(@case.OpenedOn));
        }

        var now = clock.GetCurrentInstant();
        var me = cases.Me;
        var id = Guid.CreateVersion7();
        Referral? referral = null;
        NeighbourHelpRequest? help = null;
        if (request.Kind == StepKind.Referral)
        {
            var prepared = await referrals.PrepareAsync(@case, id, request.Referral!, cases.Me, cancellationToken);
            if (!prepared.IsDone)
            {
                return Outcome<Guid>.Invalid(prepared.Errors);
            }

            referral = prepared.Value;
        }
        else if (request.Kind == StepKind.NeighbourHelp)
        {
            var prepared = await neighbourHelp.PrepareAsync(@case, id, request.NeighbourHelp!, cancellationToken);
            if (!prepared.IsDone)
            {
                return Outcome<Guid>.Invalid(prepared.Errors);
            }

            help = prepared.Value;
        }

        var step = new PlanStep
        {
            Id = id,
            CaseId = @case.Id,
            ProblemId = problemId,
            Kind = request.Kind!.Value,
            Title = request.Title!.Trim(),
            Owner = request.Owner!.Trim(),
            DueOn = request.DueOn,
            IsMilestone = request.IsMilestone,
            // What was sent out waits for the other side's answer.
            Status = request.Kind == StepKind.InternalAction ? StepStatus.Planned : StepStatus.Waiting,
            CreatedAt = now,
            Referral = referral,
            NeighbourHelp = help,
        };
        step.Note("Maßnahme", "–", $"angelegt ({PlanningNames.Of(step.Kind)}, {PlanningNames.Of(step.Status)})", me, now);
        if (referral is not null)
        {
            step.Note("Vermittlung", "–", $"gesendet an {referral.PartnerName}", me, now);
            if (referral.Emergency is { } emergency)
            {
                step.Note("Notfall-Weitergabe ohne Einwilligung", "–", emergency.Reason, me, now);
                audit.Record(AuditAction.Create, "EmergencyDisclosure", referral.Id,
                    $"Notfall-Weitergabe ohne Einwilligung an {referral.PartnerName}: {emergency.Reason}", @case.ResidentId, @case.Id);
            }
        }
        else if (help is not null)
        {
            step.Note("Nachbarschaftshilfe", "–", $"angefragt ({RoleProfiles.NameOf(help.RoleProfileKey)})", me, now);
        }

        session.Insert(step);
        audit.Record(AuditAction.Create, "PlanStep", step.Id, $"Maßnahme angelegt: {step.Title} ({PlanningNames.Of(step.Kind)})", @case.ResidentId, @case.Id);
        // The step, its audit entry and the referral or neighbour-help request commit together.
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(step.Id);
    }
}
