using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

/// <summary>
/// A consent as the resident gave it. Sharing with partners names its scope: one partner (id and name) or one service
/// category; the other purposes have no scope.
/// </summary>
internal sealed record GiveConsentRequest(
    ConsentPurpose? Purpose,
    Guid? PartnerId,
    string? PartnerName,
    string? ServiceCategory,
    LocalDate? GivenOn,
    ConsentForm? Form,
    string? WitnessName);

internal sealed class GiveConsentRequestValidator : AbstractValidator<GiveConsentRequest>
{
    public GiveConsentRequestValidator(IClock clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Purpose).NotNull().WithMessage("Bitte wählen Sie, wofür die Einwilligung gilt.")
            .IsInEnum().WithMessage("Bitte wählen Sie einen Zweck aus der Liste.");
        RuleFor(r => r.GivenOn).NotNull().WithMessage("Bitte geben Sie an, wann die Einwilligung erteilt wurde.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Das Datum der Einwilligung darf nicht in der Zukunft liegen.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("Das Datum der Einwilligung ist nicht plausibel.");
        RuleFor(r => r.Form).NotNull().WithMessage("Bitte wählen Sie die Form der Einwilligung.")
            .IsInEnum().WithMessage("Bitte wählen Sie eine Form aus der Liste.");
        RuleFor(r => r.WitnessName)
            .Must(w => !string.IsNullOrWhiteSpace(w)).When(r => r.Form == ConsentForm.VerbalWithWitness)
            .WithMessage("Bei einer mündlichen Einwilligung ist der Name der Zeugin bzw. des Zeugen erforderlich.");
        RuleFor(r => r.WitnessName).Must(w => w is null || w.Trim().Length <= 200).WithMessage("Höchstens 200 Zeichen erlaubt.");
        RuleFor(r => r.PartnerName).Must(w => w is null || w.Trim().Length <= 200).WithMessage("Höchstens 200 Zeichen erlaubt.");

        When(r => r.Purpose == ConsentPurpose.ShareWithPartners, () =>
        {
            RuleFor(r => r.ServiceCategory)
                .Must((r, category) => (r.PartnerId is null) != (category is null))
                .WithMessage("Bitte wählen Sie entweder einen bestimmten Partner oder eine Leistungsart.")
                .Must(category => category is null || ServiceCategories.IsKnown(category))
                .WithMessage($"Unbekannte Leistungsart. Möglich sind: {string.Join(", ", ServiceCategories.Names.Keys)}.");
            RuleFor(r => r.PartnerName).Must(name => !string.IsNullOrWhiteSpace(name)).When(r => r.PartnerId is not null)
                .WithMessage("Bitte geben Sie den Namen des Partners an.");
            RuleFor(r => r.PartnerId).Must(id => id != Guid.Empty).When(r => r.PartnerId is not null)
                .WithMessage("Die Id des Partners ist ungültig.");
        }).Otherwise(() =>
        {
            RuleFor(r => r.ServiceCategory).Null().When(r => r.PartnerId is null)
                .WithMessage("Ein Partner oder eine Leistungsart gehört nur zur Weitergabe an Netzwerkpartner.");
            RuleFor(r => r.PartnerId).Null()
                .WithMessage("Ein Partner oder eine Leistungsart gehört nur zur Weitergabe an Netzwerkpartner.");
        });
    }
}

internal sealed class GiveConsent(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<GiveConsentRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid residentId, GiveConsentRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (await session.LoadAsync<Resident>(residentId, cancellationToken) is null)
        {
            return Outcome<Guid>.NotFound(GetResident.NotFoundMessage);
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<Guid>.Denied(GetResident.NotFoundMessage);
        }

        var share = request.Purpose == ConsentPurpose.ShareWithPartners;
        var consent = new Consent
        {
            ResidentId = residentId,
            Purpose = request.Purpose!.Value,
            PartnerId = share ? request.PartnerId : null,
            PartnerName = share && request.PartnerId is not null ? request.PartnerName!.Trim() : null,
            ServiceCategory = share ? request.ServiceCategory : null,
            GivenOn = request.GivenOn!.Value,
            Form = request.Form!.Value,
            WitnessName = request.Form == ConsentForm.VerbalWithWitness ? request.WitnessName!.Trim() : null,
            RecordedBy = user.Id,
            RecordedByName = user.DisplayName,
            RecordedAt = clock.GetCurrentInstant(),
        };
        session.Insert(consent);
        audit.Record(AuditAction.Create, "Consent", consent.Id,
            $"Einwilligung erteilt: {ConsentRules.Describe(consent)}, {ConsentRules.Describe(consent.Form)}", residentId: residentId);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(consent.Id);
    }
}
