using FluentValidation;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Planning.Closing;

/// <summary>Reopening a closed case (the resident needs help again): by its case manager or coordination, with a reason.</summary>
internal sealed record ReopenCaseRequest(string? Reason);

internal sealed class ReopenCaseRequestValidator : AbstractValidator<ReopenCaseRequest>
{
    public ReopenCaseRequestValidator()
        => RuleFor(r => r.Reason).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Bitte geben Sie an, warum der Fall wieder eröffnet wird.")
            .Must(s => s is null || s.Trim().Length <= 1000).WithMessage("Die Begründung darf höchstens 1.000 Zeichen lang sein.");
}

internal sealed class ReopenCase(PlanningCases cases, AuditTrail audit, ICurrentUser user, IValidator<ReopenCaseRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, ReopenCaseRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var @case = await cases.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<Guid>.NotFound(PlanningCases.NotFoundMessage);
        }

        if (@case.CaseManagerId != user.Id && !user.IsInRole(Roles.Koordination))
        {
            return Outcome<Guid>.Invalid("reason", "Wieder eröffnen kann den Fall nur die Fallverantwortliche Person oder die Koordination.");
        }

        if (!@case.IsClosed)
        {
            return Outcome<Guid>.Conflict("Der Fall ist nicht abgeschlossen.");
        }

        var closedOn = @case.ClosedOn;
        @case.Status = CaseStatus.InProgress;
        @case.ClosedOn = null;
        cases.StoreLoaded(@case);
        audit.Record(AuditAction.Update, "Case", @case.Id,
            $"Fall wieder eröffnet (abgeschlossen am {GermanDates.Show(closedOn)}): {request.Reason!.Trim()}", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(@case.Id, cancellationToken);
    }
}
