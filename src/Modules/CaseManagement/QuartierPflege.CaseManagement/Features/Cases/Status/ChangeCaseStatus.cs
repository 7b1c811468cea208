using FluentValidation;
using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Status;

/// <summary><paramref name="Version"/> is the case's version as read; a newer one means someone else changed it meanwhile.</summary>
internal sealed record ChangeCaseStatusRequest(CaseStatus? Status, uint? Version);

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
    CaseManagementDbContext db,
    CaseAccess access,
    AuditTrail audit,
    IValidator<ChangeCaseStatusRequest> validator)
{
    public async Task<Outcome<uint>> HandleAsync(Guid caseId, ChangeCaseStatusRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<uint>.Invalid(validation);
        }

        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<uint>.NotFound("Der Fall wurde nicht gefunden.");
        }

        if (@case.Version != request.Version)
        {
            return Outcome<uint>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var to = request.Status!.Value;
        if (!CaseWork.CanChangeStatus(@case, to))
        {
            return Outcome<uint>.Invalid("status", "Der Fall ist abgeschlossen; sein Status kann nicht mehr geändert werden.");
        }

        if (@case.Status == to)
        {
            return Outcome<uint>.Done(@case.Version);
        }

        var from = @case.Status;
        db.Entry(@case).Property(c => c.Version).OriginalValue = request.Version!.Value;
        @case.Status = to;
        audit.Record(AuditAction.Update, "Case", @case.Id, $"Status geändert: {CaseWork.Describe(from)} → {CaseWork.Describe(to)}", @case.ResidentId, @case.Id);
        return await CaseSaving.SaveAsync(db, @case, cancellationToken);
    }
}

internal static class CaseSaving
{
    /// <summary>Saves a changed case; a concurrent change in between is a conflict (409), and the new version is returned.</summary>
    public static async Task<Outcome<uint>> SaveAsync(CaseManagementDbContext db, Case @case, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<uint>.Done(@case.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<uint>.Conflict(ApiProblems.ConcurrentEditMessage);
        }
    }
}
