using FluentValidation;
using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Cases.Status;

namespace QuartierPflege.CaseManagement.Features.Cases.Handover;

/// <summary>
/// Fallverantwortung übertragen: another case manager takes the case over, with a note for them. With
/// <paramref name="PreviousStaysAsDeputy"/> the one handing over becomes the deputy (and keeps seeing the case and the
/// handover in its protocol); otherwise they lose access like anybody without a part in the case.
/// </summary>
internal sealed record HandOverCaseRequest(Guid? NewCaseManagerId, string? Note, int? Version, bool PreviousStaysAsDeputy = false);

internal sealed class HandOverCaseRequestValidator : AbstractValidator<HandOverCaseRequest>
{
    public const int NoteMaxLength = 2000;

    public HandOverCaseRequestValidator()
    {
        RuleFor(r => r.NewCaseManagerId).NotNull().WithMessage("Bitte wählen Sie, wer den Fall übernimmt.");
        RuleFor(r => r.Note).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("Bitte schreiben Sie eine Übergabenotiz: was die neue Fallverantwortliche Person wissen muss.")
            .Must(n => n is null || n.Trim().Length <= NoteMaxLength)
            .WithMessage("Die Übergabenotiz darf höchstens 2.000 Zeichen lang sein.");
        RuleFor(r => r.Version).NotNull().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
    }
}

internal sealed class HandOverCase(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IStaffDirectory staff,
    IValidator<HandOverCaseRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid caseId, HandOverCaseRequest request, CancellationToken cancellationToken)
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

        if (@case.CaseManagerId != user.Id && !user.IsInRole(Roles.Koordination))
        {
            return Outcome<int>.Invalid("newCaseManagerId", "Den Fall übergeben kann nur die Fallverantwortliche Person oder die Koordination.");
        }

        if (@case.IsClosed)
        {
            return Outcome<int>.Invalid("newCaseManagerId", "Der Fall ist abgeschlossen; er kann nicht mehr übergeben werden.");
        }

        var newId = request.NewCaseManagerId!.Value;
        if (newId == @case.CaseManagerId)
        {
            return Outcome<int>.Invalid("newCaseManagerId", "Diese Person ist schon fallverantwortlich.");
        }

        var found = await staff.FindAsync([newId], cancellationToken);
        if (!found.TryGetValue(newId, out var successor) || !successor.Active || !successor.Roles.Contains(Roles.Fallmanagement))
        {
            return Outcome<int>.Invalid("newCaseManagerId", "Bitte wählen Sie eine aktive Person aus dem Fallmanagement.");
        }

        var (previousId, previous) = (@case.CaseManagerId, @case.CaseManagerName);
        @case.CaseManagerId = successor.Id;
        @case.CaseManagerName = successor.DisplayName;
        if (request.PreviousStaysAsDeputy)
        {
            @case.DeputyId = previousId;
            @case.DeputyName = previous;
        }
        else if (@case.DeputyId == successor.Id)
        {
            // The deputy who takes over is no longer their own deputy.
            @case.DeputyId = null;
            @case.DeputyName = null;
        }

        audit.Record(AuditAction.Update, "Case", @case.Id,
            $"Fallverantwortung übertragen von {previous} an {successor.DisplayName} (durch {user.DisplayName}). {(request.PreviousStaysAsDeputy ? $" {previous} ist jetzt Vertretung." : string.Empty)} Übergabenotiz: {request.Note!.Trim()}",
            @case.ResidentId, @case.Id);
        return await CaseSaving.SaveAsync(session, @case, cancellationToken);
    }
}
