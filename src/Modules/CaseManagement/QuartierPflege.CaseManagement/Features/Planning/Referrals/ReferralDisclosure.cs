using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.Partners.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// Sends a referral to a partner. Before anything is disclosed the resident's consent to share with this partner (or its
/// service category) is checked afresh, so a withdrawn consent stops every new disclosure. The message carries only the
/// summary the case manager wrote, and contact details only when the resident agreed. The request goes out with the
/// commit of the step (outbox), never without it.
/// </summary>
internal sealed class ReferralDisclosure(IDocumentSession session, IMartenOutbox outbox, IPartnerDirectory partners, IConsentGate consent, IClock clock)
{
    public async Task<Outcome<Referral>> PrepareAsync(Case @case, Guid stepId, ReferralInput input, Actor me, CancellationToken cancellationToken)
    {
        var partner = await partners.GetAsync(input.PartnerId!.Value, cancellationToken);
        if (partner is null)
        {
            return Outcome<Referral>.Invalid("referral.partnerId", "Dieser Netzwerkpartner ist nicht im Verzeichnis.");
        }

        if (partner.Status != PartnerStatus.Active)
        {
            return Outcome<Referral>.Invalid("referral.partnerId", $"{partner.Name} nimmt derzeit keine Vermittlungen an. Bitte wählen Sie einen anderen Partner.");
        }

        var category = input.ServiceCategory!;
        if (!partner.ServiceCategories.Contains(category))
        {
            return Outcome<Referral>.Invalid("referral.serviceCategory", $"{partner.Name} bietet die Leistungsart „{ServiceCategories.Names[category]}“ nicht an.");
        }

        if (input.RespondBy < clock.Today())
        {
            return Outcome<Referral>.Invalid("referral.respondBy", "Die Antwortfrist darf nicht in der Vergangenheit liegen.");
        }

        var now = clock.GetCurrentInstant();
        EmergencyDisclosure? emergency = null;
        if (await consent.MissingConsentAsync(@case.ResidentId, ConsentPurpose.ShareWithPartners, partner.PartnerId, category, cancellationToken) is { } missing)
        {
            if (!input.Emergency)
            {
                return Outcome<Referral>.Invalid("consent", $"Die Vermittlung an {partner.Name} wurde nicht gesendet: {missing}");
            }

            // Only a missing consent makes it an override; with consent a ticked Notfall box changes nothing.
            emergency = new EmergencyDisclosure { Reason = input.EmergencyReason!.Trim(), ByUserId = me.UserId, ByName = me.Name, At = now };
        }

        var referral = new Referral
        {
            StepId = stepId,
            PartnerId = partner.PartnerId,
            PartnerName = partner.Name,
            ServiceCategory = category,
            DisclosedSummary = input.DisclosedSummary!.Trim(),
            ContactDetailsDisclosed = input.DiscloseContactDetails,
            RespondBy = input.RespondBy,
            SentAt = now,
            Emergency = emergency,
        };
        var resident = await session.LoadAsync<Resident>(@case.ResidentId, cancellationToken)
                       ?? throw new InvalidOperationException($"Case {@case.Id} has no resident {@case.ResidentId}.");
        await outbox.PublishAsync(new ReferralRequested(
            Guid.NewGuid(),
            referral.SentAt,
            referral.Id,
            @case.Id,
            partner.PartnerId,
            category,
            @case.Quartier,
            referral.DisclosedSummary,
            input.DiscloseContactDetails
                ? new ReferralContactDetails(resident.DisplayName, resident.Street, resident.HouseNumber, resident.Flat, resident.PostalCode, resident.City, resident.Phone)
                : null,
            input.RespondBy));
        if (emergency is not null)
        {
            await outbox.PublishAsync(new EmergencyDisclosureMade(
                Guid.NewGuid(), now, @case.Id, @case.Number, referral.Id, partner.PartnerId, partner.Name, emergency.Reason, emergency.ByName, emergency.At));
        }

        return Outcome<Referral>.Done(referral);
    }
}
