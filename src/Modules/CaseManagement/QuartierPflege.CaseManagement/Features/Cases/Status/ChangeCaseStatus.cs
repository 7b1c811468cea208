using FluentValidation;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Status;

/// <summary><paramref name="Version"/> is the case's version as read; a newer one means someone else changed it meanwhile.</summary>
internal sealed record ChangeCaseStatusRequest(CaseStatus? Status, int? Version);

internal sealed class ChangeCaseStatusRequestValidator : AbstractValidator<ChangeCaseStatusRequest>
{
    public ChangeCaseStatusRequestValidator()
    {
        RuleFor(r => r.Status).NotNull().WithMessage("Bitte wählen Sie einen Status.")
            .Must(s => s is null || CaseWork.WorkingStatuses.Contains(s.Value))
            .WithMessage("Möglich sind Offen (Open), In Bearbeitung (InProgress) und Ruhend (Dormant). Einen Fall schließen Sie über „Fall abschließen“.");
        RuleFor(r => r.Version).NotNull().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>Moves an open case between Offen, In Bearbeitung and Ruhend.</summary>
internal sealed class ChangeCaseStatus(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    IValidator<ChangeCaseStatusRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid caseId, ChangeCaseStatusRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        var editable = await access.EditableAsync(caseId, request.Version, cancellationToken);
        if (!editable.IsDone)
        {
            return editable.Refusal<int>();
        }

        var @case = editable.Value!;

        var to = request.Status!.Value;
        if (!CaseWork.CanChangeStatus(@case, to))
        {
            return Outcome<int>.Invalid("status", "Der Fall ist abgeschlossen; sein Status kann nicht mehr geändert werden.");
        }

        if (@case.Status == to)
        {
            return Outcome<int>.Done(@case.Version);
        }

        var from = @case.Status;
        @case.Status = to;
        audit.Record(AuditAction.Update, "Case", @case.Id, $"Status geändert: {CaseWork.Describe(from)} → {CaseWork.Describe(to)}", @case.ResidentId, @case.Id);
        return await CaseSaving.SaveAsync(session, @case, cancellationToken);
    }
}

internal static class CaseSaving
{
    /// <summary>
    /// Saves a changed case as the revision after the one that was read (and checked against the request's version); a
    /// concurrent change in between is a conflict (409). Returns the new version.
    /// </summary>
    public static async Task<Outcome<int>> SaveAsync(IDocumentSession session, Case @case, CancellationToken cancellationToken)
    {
        var version = session.StoreNextRevision(@case);
        return await session.SaveOrConflictAsync(version, cancellationToken);
    }
}
