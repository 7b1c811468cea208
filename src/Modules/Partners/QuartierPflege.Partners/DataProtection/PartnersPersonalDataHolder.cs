using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>Partners' answers for a resident: the referrals of their cases, as the partner received them.</summary>
internal sealed class PartnersPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => PartnersPersonalData.ModuleName;

    public Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => PartnersRetentionWork.RunAsync(session, null, date, periods, cancellationToken);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var referrals = await ReferralsOfAsync(session, subject, cancellationToken);
        return new PersonalDataSection(Module, [.. referrals.OrderBy(r => r.RequestedAt).Select(Record)]);
    }

    public async Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var open = (await ReferralsOfAsync(session, subject, cancellationToken)).Where(r => r.IsOpen).ToList();
        return [.. open.Select(r =>
            $"Die Vermittlung an {r.PartnerName} ({ServiceCategories.NameOf(r.ServiceCategory)}) ist noch offen. Bitte ziehen Sie sie im Fall zurück oder schließen Sie den Fall ab.")];
    }

    /// <summary>The referrals filed under the subject's cases (a volunteer has none).</summary>
    internal static async Task<IReadOnlyList<PartnerReferral>> ReferralsOfAsync(IQuerySession session, DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.Kind != DataSubjectKind.Resident || subject.CaseIds.Count == 0)
        {
            return [];
        }

        var caseIds = subject.CaseIds.ToArray();
        return await session.Query<PartnerReferral>().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(cancellationToken);
    }

    private static PersonalDataRecord Record(PartnerReferral referral)
    {
        var resident = referral.Resident;
        var fields = new List<PersonalDataField>
        {
            new("Partner", referral.PartnerName),
            new("Leistung", ServiceCategories.NameOf(referral.ServiceCategory)),
            new("Quartier", referral.Quartier),
            new("Angefragt am", GermanDates.Show(referral.RequestedAt)),
            new("Antwort erbeten bis", GermanDates.Show(referral.RespondBy)),
            new("An den Partner weitergegeben", referral.DisclosedSummary),
            new("Kontaktdaten", resident is null
                ? "nicht weitergegeben"
                : $"{resident.Name}, {resident.Street} {resident.HouseNumber}{(resident.Flat is null ? "" : ", " + resident.Flat)}, {resident.PostalCode} {resident.City}"
                  + (resident.Phone is null ? "" : $", Telefon {resident.Phone}")),
            new("Stand", ReferralTexts.Of(referral.Status)),
            new("Ansprechperson beim Partner", referral.ContactPerson),
            new("Begründung", referral.Reason),
        };
        if (referral.AnonymisedOn is { } anonymised)
        {
            fields.Add(new("Weitergegebene Daten entfernt am", GermanDates.Show(anonymised)));
        }

        return new PersonalDataRecord(PartnersPersonalData.ReferralKey,
            $"Vermittlung an {referral.PartnerName} ({ServiceCategories.NameOf(referral.ServiceCategory)})", fields);
    }
}
