using FluentValidation;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Cases.Status;
using Marten;

namespace QuartierPflege.CaseManagement.Features.Cases.Deputy;

/// <summary>Sets the deputy (Vertretung) of a case; <paramref name="DeputyId"/> null removes it.</summary>
internal sealed record ChangeDeputyRequest(Guid? DeputyId, int? Version);

internal sealed class ChangeDeputyRequestValidator : AbstractValidator<ChangeDeputyRequest>
{
    public ChangeDeputyRequestValidator()
        => RuleFor(r => r.Version).NotNull().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
}

internal sealed class ChangeDeputy(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IStaffDirectory staff,
    IValidator<ChangeDeputyRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid caseId, ChangeDeputyRequest request, CancellationToken cancellationToken)
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

        if (access.IsOnlyDeputy(@case))
        {
            return Outcome<int>.Invalid("deputyId", "Die Vertretung kann nur die Fallverantwortliche, der Fallverantwortliche oder die Koordination ändern.");
        }

        if (@case.IsClosed)
        {
            return Outcome<int>.Invalid("deputyId", "Der Fall ist abgeschlossen; die Vertretung kann nicht mehr geändert werden.");
        }

        string? deputyName = null;
        if (request.DeputyId is { } deputyId)
        {
            if (deputyId == @case.CaseManagerId)
            {
                return Outcome<int>.Invalid("deputyId", "Die Fallverantwortliche Person kann nicht zugleich ihre eigene Vertretung sein.");
            }

            var found = await staff.FindAsync([deputyId], cancellationToken);
            if (!found.TryGetValue(deputyId, out var deputy) || !deputy.Active || !deputy.Roles.Contains(Roles.Fallmanagement))
            {
                return Outcome<int>.Invalid("deputyId", "Bitte wählen Sie eine aktive Person aus dem Fallmanagement als Vertretung.");
            }

            deputyName = deputy.DisplayName;
        }

        if (@case.DeputyId == request.DeputyId)
        {
            return Outcome<int>.Done(@case.Version);
        }

        @case.DeputyId = request.DeputyId;
        @case.DeputyName = deputyName;
        audit.Record(AuditAction.Update, "Case", @case.Id,
            deputyName is null ? "Vertretung entfernt" : $"Vertretung gesetzt: {deputyName} (durch {user.DisplayName})", @case.ResidentId, @case.Id);
        return await CaseSaving.SaveAsync(session, @case, cancellationToken);
    }
}

/// <summary>Who may be chosen as deputy: the active case managers.</summary>
internal sealed class ListDeputyCandidates(IStaffDirectory staff)
{
    public async Task<IReadOnlyList<DeputyCandidate>> HandleAsync(CancellationToken cancellationToken)
        => [.. (await staff.InRoleAsync(Roles.Fallmanagement, cancellationToken)).Select(m => new DeputyCandidate(m.Id, m.DisplayName))];
}

internal sealed record DeputyCandidate(Guid Id, string DisplayName);
