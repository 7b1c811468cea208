using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

internal sealed record DismissConcernRequest(string? Reason);

internal sealed class DismissConcernRequestValidator : AbstractValidator<DismissConcernRequest>
{
    public DismissConcernRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Bitte begründen Sie, warum der Hinweis verworfen wird.")
            .Must(r => r!.Trim().Length <= 1000).WithMessage("Höchstens 1000 Zeichen erlaubt.");
    }
}

internal sealed record AttachConcernRequest(Guid? CaseId);

internal sealed class AttachConcernRequestValidator : AbstractValidator<AttachConcernRequest>
{
    public AttachConcernRequestValidator()
        => RuleFor(r => r.CaseId).NotNull().WithMessage("Bitte wählen Sie den Fall, zu dem der Hinweis gehört.");
}

/// <summary>Dismissing a concern (with a reason) or attaching it to a case the person may see; who and when is kept.</summary>
internal sealed class TriageConcern(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<DismissConcernRequest> dismissValidator,
    IValidator<AttachConcernRequest> attachValidator)
{
    public const string AlreadyTriaged = "Dieser Hinweis wurde inzwischen schon bearbeitet.";

    public async Task<Outcome<Guid>> DismissAsync(Guid concernId, DismissConcernRequest request, CancellationToken cancellationToken)
    {
        var validation = await dismissValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var concern = await session.LoadAsync<Concern>(concernId, cancellationToken);
        if (concern is null)
        {
            return Outcome<Guid>.NotFound("Der Hinweis wurde nicht gefunden.");
        }

        if (!concern.IsOpen)
        {
            return Outcome<Guid>.Conflict(AlreadyTriaged);
        }

        concern.Dismiss(request.Reason!.Trim(), user.Id, user.DisplayName, clock.GetCurrentInstant());
        audit.Record(AuditAction.Update, "Concern", concern.Id, "Hinweis verworfen");
        return await SaveAsync(concern, cancellationToken);
    }

    public async Task<Outcome<Guid>> AttachAsync(Guid concernId, AttachConcernRequest request, CancellationToken cancellationToken)
    {
        var validation = await attachValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var concern = await session.LoadAsync<Concern>(concernId, cancellationToken);
        if (concern is null)
        {
            return Outcome<Guid>.NotFound("Der Hinweis wurde nicht gefunden.");
        }

        if (!concern.IsOpen)
        {
            return Outcome<Guid>.Conflict(AlreadyTriaged);
        }

        // A case the person may not see is reported like one that does not exist (and the attempt is audited).
        var @case = await access.FindAsync(request.CaseId!.Value, cancellationToken);
        if (@case is null)
        {
            return Outcome<Guid>.Invalid("caseId", "Der Fall wurde nicht gefunden.");
        }

        concern.AttachToCase(@case.Id, @case.ResidentId, user.Id, user.DisplayName, clock.GetCurrentInstant());
        audit.Record(AuditAction.Update, "Case", @case.Id, $"Hinweis dem Fall {@case.Number} zugeordnet", @case.ResidentId, @case.Id);
        return await SaveAsync(concern, cancellationToken);
    }

    /// <summary>Saves the concern under the revision it was read at: of two people triaging it at once, the second is told.</summary>
    private async Task<Outcome<Guid>> SaveAsync(Concern concern, CancellationToken cancellationToken)
    {
        session.StoreNextRevision(concern);
        var saved = await session.SaveOrConflictAsync(concern.Id, cancellationToken);
        return saved.Kind == OutcomeKind.Conflict ? Outcome<Guid>.Conflict(AlreadyTriaged) : saved;
    }
}
