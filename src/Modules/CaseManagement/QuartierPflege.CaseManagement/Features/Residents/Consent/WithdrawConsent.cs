using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

/// <summary>
/// The resident's withdrawal as it happened: the day and the form in which they withdrew, and the case manager's
/// confirmation that they did (a withdrawal cannot be undone; a new consent would be needed).
/// </summary>
internal sealed record WithdrawConsentRequest(LocalDate? WithdrawnOn, ConsentForm? Form, bool Confirmed);

internal sealed class WithdrawConsentRequestValidator : AbstractValidator<WithdrawConsentRequest>
{
    public WithdrawConsentRequestValidator(IClock clock)
    {
        RuleFor(r => r.WithdrawnOn).NotNull().WithMessage("Bitte geben Sie an, an welchem Tag die Einwilligung widerrufen wurde.")
            .Must(d => d is null || d <= clock.Today()).WithMessage("Der Tag des Widerrufs darf nicht in der Zukunft liegen.");
        RuleFor(r => r.Form).NotNull().WithMessage("Bitte wählen Sie, in welcher Form widerrufen wurde.")
            .IsInEnum().WithMessage("Bitte wählen Sie eine Form aus der Liste.");
        RuleFor(r => r.Confirmed).Equal(true).WithMessage("Bitte bestätigen Sie den Widerruf: er gilt sofort und lässt sich nicht zurücknehmen.");
    }
}

/// <summary>
/// The withdrawn consent and the partners whose referrals were withdrawn with it: <see cref="PartnerTold.ByMail"/>
/// when the partner has an address for referrals (the Partners module mails the notice), else staff must tell them.
/// </summary>
internal sealed record ConsentWithdrawal(Guid ConsentId, IReadOnlyList<PartnerTold> Partners);

internal sealed record PartnerTold(string Name, bool ByMail);

/// <summary>
/// Withdrawing takes effect at once. Withdrawing twice (a double click) changes nothing and is no error: the consent
/// stays withdrawn as of the first time.
/// </summary>
internal sealed class WithdrawConsent(
    IDocumentSession session,
    CaseAccess access,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    ConsentWithdrawalEffects effects,
    IPartnerDirectory partners,
    IValidator<WithdrawConsentRequest> validator)
{
    public const string NotFoundMessage = "Die Einwilligung wurde nicht gefunden.";

    public async Task<Outcome<ConsentWithdrawal>> HandleAsync(Guid residentId, Guid consentId, WithdrawConsentRequest? request, CancellationToken cancellationToken)
    {
        // Who may see the consent first: for an id one may not know, the answer is 404 whatever the body says.
        var consent = await session.LoadAsync<Consent>(consentId, cancellationToken);
        if (consent is null || consent.ResidentId != residentId)
        {
            return Outcome<ConsentWithdrawal>.NotFound(NotFoundMessage);
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<ConsentWithdrawal>.Denied(NotFoundMessage);
        }

        if (!consent.IsActive)
        {
            return Outcome<ConsentWithdrawal>.Done(new ConsentWithdrawal(consent.Id, []));
        }

        var validation = await validator.ValidateAsync(request ?? new WithdrawConsentRequest(null, null, false), cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<ConsentWithdrawal>.Invalid(validation);
        }

        if (request!.WithdrawnOn < consent.GivenOn)
        {
            return Outcome<ConsentWithdrawal>.Invalid("withdrawnOn", $"Der Widerruf kann nicht vor der Einwilligung ({GermanDates.Show(consent.GivenOn)}) liegen.");
        }

        consent.Withdraw(clock.GetCurrentInstant(), user.Id, user.DisplayName, request.WithdrawnOn, request.Form);
        session.Update(consent);
        audit.Record(AuditAction.Update, "Consent", consent.Id,
            $"Einwilligung widerrufen: {ConsentRules.Describe(consent)} (am {GermanDates.Show(request.WithdrawnOn!.Value)}, {ConsentRules.Describe(request.Form!.Value)})",
            residentId: residentId);
        // Open referrals that relied on it are withdrawn, an erasure is requested: in the same commit as the withdrawal.
        var withdrawnFrom = await effects.ApplyAsync(consent, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        var told = new List<PartnerTold>();
        foreach (var partnerId in withdrawnFrom.Distinct())
        {
            if (await partners.GetAsync(partnerId, cancellationToken) is { } partner)
            {
                told.Add(new PartnerTold(partner.Name, partner.ReferralEmail is not null));
            }
        }

        return Outcome<ConsentWithdrawal>.Done(new ConsentWithdrawal(consent.Id, told));
    }
}
