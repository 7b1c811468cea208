using FluentValidation;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Opening;

/// <summary>
/// Opens a case for a resident with the current person as case manager and, optionally, a deputy (id and name: the
/// module cannot look people up in the sign-in store). From a concern, the concern becomes this case.
/// </summary>
internal sealed record OpenCaseRequest(Guid? ResidentId, Guid? ConcernId = null, Guid? DeputyId = null, string? DeputyName = null);

internal sealed record OpenedCase(Guid Id, string Number);

internal sealed class OpenCaseRequestValidator : AbstractValidator<OpenCaseRequest>
{
    public OpenCaseRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.ResidentId).NotNull().WithMessage("Bitte wählen Sie die Bewohnerin bzw. den Bewohner.")
            .NotEqual(Guid.Empty).WithMessage("Die Id der Bewohnerin bzw. des Bewohners ist ungültig.");
        RuleFor(r => r.DeputyName).Must(n => !string.IsNullOrWhiteSpace(n)).When(r => r.DeputyId is not null)
            .WithMessage("Bitte geben Sie den Namen der Vertretung an.")
            .Must(n => n is null || n.Trim().Length <= 200).WithMessage("Höchstens 200 Zeichen erlaubt.");
        RuleFor(r => r.DeputyId).NotNull().When(r => !string.IsNullOrWhiteSpace(r.DeputyName))
            .WithMessage("Bitte wählen Sie die Vertretung aus der Liste.");
    }
}

internal sealed class OpenCase(
    IDocumentSession session,
    ConsentCheck consents,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<OpenCaseRequest> validator)
{
    public async Task<Outcome<OpenedCase>> HandleAsync(OpenCaseRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<OpenedCase>.Invalid(validation);
        }

        if (request.DeputyId == user.Id)
        {
            return Outcome<OpenedCase>.Invalid("deputyId", "Die Vertretung muss eine andere Person sein als die Fallmanagerin bzw. der Fallmanager.");
        }

        var resident = await session.LoadAsync<Resident>(request.ResidentId!.Value, cancellationToken);
        if (resident is null)
        {
            return Outcome<OpenedCase>.Invalid("residentId", "Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.");
        }

        if (await consents.MissingConsentAsync(resident.Id, ConsentPurpose.StoreData, cancellationToken: cancellationToken) is { } missing)
        {
            return Outcome<OpenedCase>.Invalid("consent", $"{missing} Ohne sie kann kein Fall eröffnet werden.");
        }

        Concern? concern = null;
        if (request.ConcernId is { } concernId)
        {
            concern = await session.LoadAsync<Concern>(concernId, cancellationToken);
            if (concern is null)
            {
                return Outcome<OpenedCase>.Invalid("concernId", "Der Hinweis wurde nicht gefunden.");
            }

            if (!concern.IsOpen)
            {
                return Outcome<OpenedCase>.Conflict(TriageConcern.AlreadyTriaged);
            }
        }

        var today = clock.Today();
        var @case = new Case
        {
            Number = await session.NextCaseNumberAsync(today.Year, cancellationToken),
            ResidentId = resident.Id,
            ResidentName = resident.DisplayName,
            ResidentSearchName = resident.SearchName,
            CaseManagerId = user.Id,
            CaseManagerName = user.DisplayName,
            DeputyId = request.DeputyId,
            DeputyName = request.DeputyId is null ? null : request.DeputyName!.Trim(),
            Status = CaseStatus.Open,
            OpenedOn = today,
            LastContactOn = today,
            Quartier = resident.Quartier,
            CreatedAt = clock.GetCurrentInstant(),
        };
        session.Insert(@case);
        audit.Record(AuditAction.Create, "Case", @case.Id, $"Fall {@case.Number} eröffnet für {resident.DisplayName}", resident.Id, @case.Id);
        if (concern is not null)
        {
            concern.TurnIntoCase(@case.Id, resident.Id, user.Id, user.DisplayName, clock.GetCurrentInstant());
            // Under the revision read above: a concurrent triage of the same concern makes this opening fail as a whole.
            session.StoreNextRevision(concern);
            audit.Record(AuditAction.Update, "Concern", concern.Id, $"Hinweis wurde zum Fall {@case.Number}", resident.Id, @case.Id);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ConcurrentEdits.IsConflict(ex))
        {
            return Outcome<OpenedCase>.Conflict(TriageConcern.AlreadyTriaged);
        }

        return Outcome<OpenedCase>.Done(new OpenedCase(@case.Id, @case.Number));
    }
}
