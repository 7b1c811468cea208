using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>
/// Art. 17 in Partners: the referrals of the resident's cases lose what was disclosed (summary, contact details, the
/// answers' free texts); category, Quartier, partner, dates and outcome stay for the statistics. Always answers.
/// </summary>
public static class PartnersEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        var erased = 0;
        foreach (var referral in await PartnersPersonalDataHolder.ReferralsOfAsync(session, command.Subject, cancellationToken))
        {
            if (PartnersRetention.Anonymise(referral, command.Date))
            {
                session.UpdateRevision(referral, referral.Version + 1L);
                erased++;
            }
        }

        ErasureLine[] lines = erased == 0 ? [] : [new ErasureLine(PartnersPersonalData.ReferralKey, erased, 0, null, null)];
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), command.RequestId, PartnersPersonalData.ModuleName, lines);
    }
}
