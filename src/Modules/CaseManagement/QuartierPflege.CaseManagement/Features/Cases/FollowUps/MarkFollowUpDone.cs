using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.FollowUps;

internal sealed record MarkFollowUpDoneRequest(bool? Done);

internal sealed class MarkFollowUpDoneRequestValidator : AbstractValidator<MarkFollowUpDoneRequest>
{
    public MarkFollowUpDoneRequestValidator()
        => RuleFor(r => r.Done).NotNull().WithMessage("Bitte geben Sie an, ob die Wiedervorlage erledigt ist.");
}

/// <summary>Marks a follow-up done (who, when) or open again.</summary>
internal sealed class MarkFollowUpDone(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<MarkFollowUpDoneRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid followUpId, MarkFollowUpDoneRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var @case = await access.FindAsync(caseId, cancellationToken);
        var followUp = @case is null ? null : await session.LoadAsync<FollowUp>(followUpId, cancellationToken);
        if (@case is null || followUp is null || followUp.CaseId != caseId)
        {
            return Outcome<Guid>.NotFound("Die Wiedervorlage wurde nicht gefunden.");
        }

        var done = request.Done!.Value;
        if (done == followUp.IsDone)
        {
            return Outcome<Guid>.Done(followUp.Id);
        }

        followUp.MarkDone(done, user.Id, user.DisplayName, clock.GetCurrentInstant());
        session.Update(followUp);
        audit.Record(AuditAction.Update, "FollowUp", followUp.Id,
            done ? $"Wiedervorlage erledigt: {followUp.Title}" : $"Wiedervorlage wieder geöffnet: {followUp.Title}", @case.ResidentId, @case.Id);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(followUp.Id);
    }
}
