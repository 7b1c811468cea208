using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using Marten;

namespace QuartierPflege.CaseManagement.Features.Cases.FollowUps;

internal sealed record AddFollowUpRequest(LocalDate? DueOn, string? Title, string? Note);

internal sealed class AddFollowUpRequestValidator : AbstractValidator<AddFollowUpRequest>
{
    /// <summary>A follow-up further ahead is a typing error (2062 for 2026), not a plan: nobody looks that far.</summary>
    public const int MaxYearsAhead = 2;

    public AddFollowUpRequestValidator(IClock clock)
    {
        RuleFor(r => r.DueOn).NotNull().WithMessage("Bitte geben Sie an, wann die Wiedervorlage fällig ist.")
            .Must(d => d is not { } due || due <= clock.Today().PlusYears(MaxYearsAhead))
            .WithMessage(r => $"Eine Wiedervorlage darf höchstens {MaxYearsAhead} Jahre in der Zukunft liegen (spätestens {GermanDates.Show(clock.Today().PlusYears(MaxYearsAhead))}).");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Bitte geben Sie an, worum es geht.")
            .MaximumLength(200).WithMessage("Der Betreff darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("Die Notiz darf höchstens 2000 Zeichen lang sein.");
    }
}

internal sealed class AddFollowUp(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<AddFollowUpRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, AddFollowUpRequest request, CancellationToken cancellationToken)
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
            return Outcome<Guid>.Invalid(string.Empty, "Der Fall ist abgeschlossen; neue Wiedervorlagen sind nicht möglich.");
        }

        var dueOn = request.DueOn!.Value;
        if (!FollowUp.MayBeDueOn(dueOn, @case))
        {
            return Outcome<Guid>.Invalid("dueOn",
                $"Die Wiedervorlage kann nicht vor der Eröffnung des Falls ({GermanDates.Show(@case.OpenedOn)}) liegen.");
        }

        var followUp = new FollowUp
        {
            CaseId = @case.Id,
            DueOn = dueOn,
            Title = request.Title!.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            CreatedAt = clock.GetCurrentInstant(),
            CreatedBy = user.Id,
            CreatedByName = user.DisplayName,
        };
        session.Insert(followUp);
        audit.Record(AuditAction.Create, "FollowUp", followUp.Id,
            $"Wiedervorlage zum {GermanDates.Show(dueOn)} angelegt: {followUp.Title}", @case.ResidentId, @case.Id);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(followUp.Id);
    }
}
