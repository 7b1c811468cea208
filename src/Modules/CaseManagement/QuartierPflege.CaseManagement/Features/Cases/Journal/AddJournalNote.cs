using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using Marten;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Journal;

/// <summary><paramref name="ContactOn"/> is required for a contact note and ignored otherwise.</summary>
internal sealed record AddJournalNoteRequest(string? Text, bool IsContact, LocalDate? ContactOn, bool IsConfidential);

internal sealed class AddJournalNoteRequestValidator : AbstractValidator<AddJournalNoteRequest>
{
    public AddJournalNoteRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("Bitte schreiben Sie die Notiz.")
            .MaximumLength(4000).WithMessage("Die Notiz darf höchstens 4000 Zeichen lang sein.");
        RuleFor(r => r.ContactOn).NotNull().When(r => r.IsContact)
            .WithMessage("Bitte geben Sie an, an welchem Tag der Kontakt war.");
    }
}

/// <summary>Writes a journal note; a contact note moves the case's last contact forward.</summary>
internal sealed class AddJournalNote(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<AddJournalNoteRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, AddJournalNoteRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<Guid>.NotFound("Der Fall wurde nicht gefunden.");
        }

        if (@case.IsClosed)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Der Fall ist abgeschlossen; das Journal kann nicht mehr ergänzt werden.");
        }

        var today = clock.Today();
        if (request.IsContact && request.ContactOn > today)
        {
            return Outcome<Guid>.Invalid("contactOn", "Ein Kontakt kann nicht in der Zukunft liegen.");
        }

        // A deputy would not see the note afterwards; writing it would hide their own work from them.
        if (request.IsConfidential && access.IsOnlyDeputy(@case))
        {
            return Outcome<Guid>.Invalid("isConfidential",
                "Als Vertretung können Sie keine vertraulichen Notizen schreiben. Bitte wenden Sie sich an die Fallverantwortliche oder den Fallverantwortlichen.");
        }

        var note = new JournalNote
        {
            CaseId = @case.Id,
            Text = request.Text!.Trim(),
            WrittenAt = clock.GetCurrentInstant(),
            WrittenBy = user.Id,
            WrittenByName = user.DisplayName,
            ContactOn = request.IsContact ? request.ContactOn : null,
            IsConfidential = request.IsConfidential,
        };
        session.Insert(note);
        if (note.ContactOn is { } contactOn && contactOn > @case.LastContactOn)
        {
            @case.RecordContact(contactOn);
            session.StoreNextRevision(@case);
        }

        audit.Record(AuditAction.Create, "JournalNote", note.Id,
            (note.IsContact ? $"Kontakt am {GermanDates.Show(note.ContactOn)} notiert" : "Journalnotiz geschrieben") + (note.IsConfidential ? " (vertraulich)" : string.Empty),
            @case.ResidentId, @case.Id, note.IsConfidential);
        // Someone changed the case between reading and saving: nothing of this note is stored; writing it again works.
        return await session.SaveOrConflictAsync(note.Id, cancellationToken);
    }
}
