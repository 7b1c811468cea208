using FluentValidation;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Cases.Status;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Deputy;

/// <summary>Sets the deputy (Vertretung) of a case; <paramref name="DeputyId"/> null removes it.</summary>
internal sealed record ChangeDeputyRequest(Guid? DeputyId, uint? Version);

internal sealed class ChangeDeputyRequestValidator : AbstractValidator<ChangeDeputyRequest>
{
    public ChangeDeputyRequestValidator()
        => RuleFor(r => r.Version).NotNull().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
}

internal sealed class ChangeDeputy(
    CaseManagementDbContext db,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IStaffDirectory staff,
    IValidator<ChangeDeputyRequest> validator)
{
    public async Task<Outcome<uint>> HandleAsync(Guid caseId, ChangeDeputyRequest request, CancellationToken cancellationToken)
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

        if (access.IsOnlyDeputy(@case))
        {
            return Outcome<uint>.Invalid("deputyId", "Die Vertretung kann nur die Fallverantwortliche, der Fallverantwortliche oder die Koordination ändern.");
        }

        if (@case.IsClosed)
        {
            return Outcome<uint>.Invalid("deputyId", "Der Fall ist abgeschlossen; die Vertretung kann nicht mehr geändert werden.");
        }

        string? deputyName = null;
        if (request.DeputyId is { } deputyId)
        {
            if (deputyId == @case.CaseManagerId)
            {
                return Outcome<uint>.Invalid("deputyId", "Die Fallverantwortliche Person kann nicht zugleich ihre eigene Vertretung sein.");
            }

            var found = await staff.FindAsync([deputyId], cancellationToken);
            if (!found.TryGetValue(deputyId, out var deputy) || !deputy.Active || !deputy.Roles.Contains(Roles.Fallmanagement))
            {
                return Outcome<uint>.Invalid("deputyId", "Bitte wählen Sie eine aktive Person aus dem Fallmanagement als Vertretung.");
            }

            deputyName = deputy.DisplayName;
        }

        if (@case.DeputyId == request.DeputyId)
        {
            return Outcome<uint>.Done(@case.Version);
        }

        db.Entry(@case).Property(c => c.Version).OriginalValue = request.Version!.Value;
        @case.DeputyId = request.DeputyId;
        @case.DeputyName = deputyName;
        audit.Record(AuditAction.Update, "Case", @case.Id,
            deputyName is null ? "Vertretung entfernt" : $"Vertretung gesetzt: {deputyName} (durch {user.DisplayName})", @case.ResidentId, @case.Id);
        return await CaseSaving.SaveAsync(db, @case, cancellationToken);
    }
}

/// <summary>Who may be chosen as deputy: the active case managers.</summary>
internal sealed class ListDeputyCandidates(IStaffDirectory staff)
{
    public async Task<IReadOnlyList<DeputyCandidate>> HandleAsync(CancellationToken cancellationToken)
        => [.. (await staff.InRoleAsync(Roles.Fallmanagement, cancellationToken)).Select(m => new DeputyCandidate(m.Id, m.DisplayName))];
}

internal sealed record DeputyCandidate(Guid Id, string DisplayName);
