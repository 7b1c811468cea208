using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Opening;

/// <summary>
/// Opens a case for a resident with the current person as case manager and, optionally, a deputy: an active case
/// manager from the staff directory, checked as when the deputy is changed later. From a concern, the concern becomes
/// this case. A resident who already has an open case gets a second one only with a reason
/// (<paramref name="SecondCaseReason"/>), which stands in the protocol: usually the open case is the place for the news.
/// </summary>
internal sealed record OpenCaseRequest(Guid? ResidentId, Guid? ConcernId = null, Guid? DeputyId = null, string? SecondCaseReason = null);

internal sealed record OpenedCase(Guid Id, string Number);

internal sealed class OpenCaseRequestValidator : AbstractValidator<OpenCaseRequest>
{
    public OpenCaseRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.ResidentId).NotNull().WithMessage("Bitte wählen Sie die Bewohnerin bzw. den Bewohner.")
            .NotEqual(Guid.Empty).WithMessage("Die Id der Bewohnerin bzw. des Bewohners ist ungültig.");
        RuleFor(r => r.DeputyId).NotEqual(Guid.Empty).WithMessage("Bitte wählen Sie die Vertretung aus der Liste.");
        RuleFor(r => r.SecondCaseReason).MaximumLength(OpenCase.SecondCaseReasonMaxLength)
            .WithMessage(r => $"Die Begründung darf höchstens {OpenCase.SecondCaseReasonMaxLength} Zeichen lang sein (jetzt: {r.SecondCaseReason!.Length}).");
    }
}

internal sealed class OpenCase(
    IDocumentSession session,
    ConsentCheck consents,
    CaseAccess access,
    IStaffDirectory staff,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<OpenCaseRequest> validator)
{
    public const int SecondCaseReasonMaxLength = 1000;

    public const string SecondCaseField = "secondCaseReason";

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
            return Outcome<OpenedCase>.Invalid("residentId", GetResident.NotFoundMessage);
        }

        // A resident whose cases are other people's stays unknown (as everywhere): their case people open further cases.
        if (!await access.MaySeeResidentAsync(resident.Id, cancellationToken))
        {
            return Outcome<OpenedCase>.Invalid("residentId", GetResident.NotFoundMessage);
        }

        string? deputyName = null;
        if (request.DeputyId is { } deputyId)
        {
            var found = await staff.FindAsync([deputyId], cancellationToken);
            if (!found.TryGetValue(deputyId, out var deputy) || !deputy.Active || !deputy.Roles.Contains(Roles.Fallmanagement))
            {
                return Outcome<OpenedCase>.Invalid("deputyId", "Bitte wählen Sie eine aktive Person aus dem Fallmanagement als Vertretung.");
            }

            deputyName = deputy.DisplayName;
        }

        if (await consents.MissingConsentAsync(resident.Id, ConsentPurpose.StoreData, cancellationToken: cancellationToken) is { } missing)
        {
            return Outcome<OpenedCase>.Invalid("consent", $"{missing} Ohne sie kann kein Fall eröffnet werden.");
        }

        var openCases = await session.Query<Case>()
            .Where(c => c.ResidentId == resident.Id && c.Status != CaseStatus.Closed)
            .Select(c => c.Number)
            .ToListAsync(cancellationToken);
        var secondCaseReason = string.IsNullOrWhiteSpace(request.SecondCaseReason) ? null : request.SecondCaseReason.Trim();
        if (openCases.Count > 0 && secondCaseReason is null)
        {
            return Outcome<OpenedCase>.Invalid(SecondCaseField, SecondCaseQuestion(resident.DisplayName, openCases));
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
            DeputyName = deputyName,
            Status = CaseStatus.Open,
            OpenedOn = today,
            LastContactOn = today,
            Quartier = resident.Quartier,
            CreatedAt = clock.GetCurrentInstant(),
        };
        session.Insert(@case);
        audit.Record(
            AuditAction.Create,
            "Case",
            @case.Id,
            openCases.Count == 0
                ? $"Fall {@case.Number} eröffnet für {resident.DisplayName}"
                : $"Fall {@case.Number} eröffnet für {resident.DisplayName}, neben dem offenen Fall {string.Join(", ", openCases)}. Begründung: {secondCaseReason}",
            resident.Id,
            @case.Id);
        if (concern is not null)
        {
            concern.TurnIntoCase(@case.Id, resident.Id, user.Id, user.DisplayName, clock.GetCurrentInstant());
            // Under the revision read above: a concurrent triage of the same concern makes this opening fail as a whole.
            session.StoreNextRevision(concern);
            audit.Record(AuditAction.Update, "Concern", concern.Id, $"Hinweis wurde zum Fall {@case.Number}", resident.Id, @case.Id);
        }

        var saved = await session.SaveOrConflictAsync(new OpenedCase(@case.Id, @case.Number), cancellationToken);
        return saved.Kind == OutcomeKind.Conflict ? Outcome<OpenedCase>.Conflict(TriageConcern.AlreadyTriaged) : saved;
    }

    /// <summary>The confirmation a second open case needs; the case numbers are the open ones the person may see anyway.</summary>
    public static string SecondCaseQuestion(string residentName, IReadOnlyList<string> openCaseNumbers)
        => $"Für {residentName} ist schon ein Fall offen ({string.Join(", ", openCaseNumbers)}). Ein zweiter offener Fall braucht eine Begründung – oder tragen Sie das Neue im offenen Fall ein.";
}
