using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>What the partner directory keeps about people: partner staff, residents as disclosed to partners, meeting owners.</summary>
internal sealed class PartnersPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Netzwerkpartner";

    public const string ContactPersonKey = "partners.contact-person";
    public const string ReferralKey = "partners.referral";
    public const string MeetingKey = "partners.network-meeting";
    public const string ContactReadKey = "partners.contact-read-audit";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(ContactPersonKey, "Ansprechpersonen der Partner",
            "Beschäftigte der Partnerorganisationen",
            "Name, Funktion, dienstliche Telefonnummer und E-Mail-Adresse; Änderungsverlauf mit den Namen der Mitarbeitenden, die den Partner bearbeitet haben",
            "Vermittlungen an den richtigen Menschen schicken, Rückfragen, Netzwerkarbeit",
            "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an der Zusammenarbeit im Netzwerk)",
            "Mitarbeitende von QuartierPflege (Koordination, Fallmanagement)",
            // The organisation's own data (name, address, offers) is not personal; it stays for the statistics.
            new RetentionRule("nach Ende der Zusammenarbeit mit dem Partner", RetentionDuration.OfYears(1), RetentionDuration.OfDays(0),
                RetentionDuration.OfYears(3), RetentionAction.Delete, null),
            [typeof(Partner)]),
        new(ReferralKey, "Vermittlungen an Partner (beim Partner)",
            "Bewohnerinnen und Bewohner",
            "Was das Fallmanagement mit Einwilligung weitergegeben hat: Zusammenfassung des Bedarfs, Kontaktdaten (nur mit Einwilligung); Antworten des Partners mit Ansprechperson und Begründung",
            "Die Hilfe durch den Partner vermitteln und nachverfolgen",
            "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO (Einwilligung „Weitergabe an Netzwerkpartner“)",
            "Der gewählte Partner; Koordination",
            new RetentionRule("nach Abschluss des Falls", RetentionDuration.OfYears(3), RetentionDuration.OfDays(0),
                RetentionDuration.OfYears(3), RetentionAction.Anonymise, null),
            [typeof(PartnerReferral)]),
        new(MeetingKey, "Treffen der AG Sozialmanagement",
            "Beschäftigte der Partnerorganisationen und von QuartierPflege",
            "Teilnehmende Partner, Protokoll, Vereinbarungen mit den Namen der Verantwortlichen",
            "Netzwerkarbeit: Absprachen nachhalten",
            "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an der Zusammenarbeit im Netzwerk)",
            "Teilnehmende der AG; Koordination",
            new RetentionRule("nach dem Treffen", RetentionDuration.OfYears(5), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(NetworkMeeting)]),
        new(ContactReadKey, "Zugriffe auf Ansprechpersonen (Protokoll)",
            "Mitarbeitende von QuartierPflege, die Ansprechpersonen der Partner angesehen haben",
            "Wer wann die Ansprechpersonen welches Partners angesehen hat (Seite oder Schnittstelle)",
            "Nachweis der Zugriffe auf personenbezogene Daten (Art. 5 Abs. 2 und Art. 32 DSGVO)",
            "Art. 6 Abs. 1 lit. c und f DSGVO (Rechenschaftspflicht, Datensicherheit)",
            "Koordination",
            new RetentionRule("nach dem Zugriff", RetentionDuration.OfYears(2), RetentionDuration.OfYears(1), null, RetentionAction.Delete, null),
            [typeof(PartnerContactRead)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } = [];
}
