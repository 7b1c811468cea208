using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Referrals;
using C = QuartierPflege.Partners.Contracts.ServiceCategories;
using K = QuartierPflege.Partners.Domain.PartnerKinds;

namespace QuartierPflege.Partners.Directory;

/// <summary>
/// A plausible partner network around Döbeln for the demo (names invented): about 25 partners in the five demo
/// Quartiere, one single point of failure (Hartha has exactly one Haushaltshilfe), answered referrals, two meetings.
/// </summary>
internal sealed class DemoPartners(IDocumentSession session, IClock clock) : IDemoDataSeeder
{
    public const string Nord = "Döbeln-Nord";
    public const string Ost = "Döbeln-Ost";
    public const string Zentrum = "Döbeln-Zentrum";
    public const string Grossweitzschen = "Großweitzschen";
    public const string Hartha = "Hartha";

    /// <summary>The only Haushaltshilfe in Hartha: pausing it leaves a gap there.</summary>
    public const string OnlyHouseholdHelpInHartha = "Hauswirtschaftsdienst Hartha";

    /// <summary>The only Besuchsdienst in Döbeln-Ost (the Quartier-Lagebild's demo gap).</summary>
    public const string OnlyVisitingServiceInOst = "Besuchsdienst der Johanniter Döbeln-Ost";

    private static readonly string[] Doebeln = [Nord, Ost, Zentrum];
    private static readonly string[] All = [Nord, Ost, Zentrum, Grossweitzschen, Hartha];

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // By name, so that a second run (or a partner added later) adds only what is missing.
        var existing = await session.Query<Partner>().Select(p => p.Name).ToListAsync(cancellationToken);
        var missing = Partners().Where(p => !existing.Contains(p.Name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        foreach (var partner in missing)
        {
            partner.RefreshSearchText();
            partner.History.Add(new PartnerChange(now, Guid.Empty, "Demo-Daten", "Angelegt", null, partner.Name));
        }

        session.Insert<Partner>(missing);
        if (existing.Count == 0)
        {
            session.Insert<PartnerReferral>(Referrals(missing, now));
            session.Insert<NetworkMeeting>(Meetings(missing, clock.Today()));
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Partner> Partners() =>
    [
        New("Pflegedienst Muldental gGmbH", K.Pflegedienst, [C.Pflegedienst], [Nord, Zentrum], "03431 700100", "Bahnhofstraße 12, 04720 Döbeln", "pflege@muldental-demo.de", "Mo–Fr 7–16 Uhr", ["de", "ru"]),
        New("Ambulante Pflege Sonnenschein", K.Pflegedienst, [C.Pflegedienst], [Nord, Ost], "03431 612233", "Grimmaische Straße 4, 04720 Döbeln", "kontakt@sonnenschein-demo.de", "Mo–Fr 8–17 Uhr", ["de"]),
        New("Diakonie-Sozialstation Hartha", K.Pflegedienst, [C.Pflegedienst], [Hartha, Grossweitzschen], "034328 41200", "Leipziger Straße 3, 04746 Hartha", "sozialstation@diakonie-hartha-demo.de", "Mo–Fr 7–15 Uhr", ["de", "pl"]),
        New("Hausarztpraxis Dr. Weber", K.Hausarztpraxis, [C.Hausarzt], [Nord], "03431 573920", "Ritterstraße 9, 04720 Döbeln", "praxis@weber-demo.de", "Mo, Di, Do 8–12 und 15–18 Uhr, Mi, Fr 8–12 Uhr", ["de", "en"]),
        New("Gemeinschaftspraxis am Wettinplatz", K.Hausarztpraxis, [C.Hausarzt], [Zentrum, Ost], "03431 71155", "Wettinplatz 2, 04720 Döbeln", "info@wettinplatz-demo.de", "Mo–Fr 8–12 Uhr", ["de", "ar"]),
        New("Landarztpraxis Großweitzschen", K.Hausarztpraxis, [C.Hausarzt], [Grossweitzschen, Hartha], "03431 602211", "Dorfstraße 21, 04720 Großweitzschen", "landarzt@grossweitzschen-demo.de", "Mo–Fr 8–11 Uhr", ["de"]),
        New("Neurologische Praxis Dr. Klein", K.Facharztpraxis, [C.Facharzt], Doebeln, "03431 71800", "Zwingerstraße 2, 04720 Döbeln", "praxis@klein-demo.de", "nach Vereinbarung", ["de", "en"]),
        New("Haushaltshilfe Fleißige Hände", K.Haushaltshilfe, [C.Haushaltshilfe], [Nord, Zentrum, Ost, Grossweitzschen], "0176 22334455", "Zwingerstraße 7, 04720 Döbeln", "hallo@fleissige-haende-demo.de", "Mo–Fr 8–18 Uhr", ["de", "uk"]),
        New("Alltagshelfer Mittelsachsen", K.Haushaltshilfe, [C.Haushaltshilfe, C.Fahrdienst], [Nord, Zentrum, Ost, Grossweitzschen], "03431 588990", "Sörmitzer Straße 10, 04720 Döbeln", "team@alltagshelfer-demo.de", "Mo–Sa 7–19 Uhr", ["de", "ru", "uk"]),
        New(OnlyHouseholdHelpInHartha, K.Haushaltshilfe, [C.Haushaltshilfe], [Hartha], "034328 39911", "Markt 5, 04746 Hartha", "haushalt@hartha-demo.de", "Mo–Fr 8–16 Uhr", ["de"]),
        New("Schuldner- und Insolvenzberatung Mittelsachsen", K.Schuldnerberatung, [C.Schuldnerberatung, C.Beratungsstelle], All, "03431 74190", "Straße des Friedens 20, 04720 Döbeln", "beratung@schuldner-demo.de", "Di 9–12 und 13–17 Uhr, Do 9–12 Uhr", ["de", "ar", "tr"]),
        New("Sozialamt Landkreis Mittelsachsen, Außenstelle Döbeln", K.Sozialamt, [C.Sozialamt], All, "03731 7990", "Mastener Straße 5, 04720 Döbeln", "sozialamt@lk-demo.de", "Di 9–12 und 13–18 Uhr, Do 9–12 Uhr", ["de"]),
        New("Pflegestützpunkt Mittelsachsen", K.Pflegestuetzpunkt, [C.Pflegestuetzpunkt, C.Beratungsstelle], All, "03731 799 3300", "Frauensteiner Straße 43, 09599 Freiberg", "pflegestuetzpunkt@lk-demo.de", "Mo–Do 9–15 Uhr", ["de", "ru"]),
        New("Wohnungsgenossenschaft Döbeln eG", K.Wohnungsgenossenschaft, [C.Wohnungsgenossenschaft], [Nord, Zentrum], "03431 60580", "Burgstraße 15, 04720 Döbeln", "service@wg-doebeln-demo.de", "Mo–Do 9–16 Uhr", ["de"]),
        New("Wohnungsbau Hartha GmbH", K.Wohnungsgenossenschaft, [C.Wohnungsgenossenschaft], [Hartha], "034328 4150", "Poststraße 1, 04746 Hartha", "vermietung@wbh-demo.de", "Di, Do 9–17 Uhr", ["de"]),
        New("Seniorenbegegnung Döbeln-Ost e. V.", K.Verein, [C.Verein], [Ost, Zentrum], "03431 614477", "Rosa-Luxemburg-Straße 30, 04720 Döbeln", "verein@begegnung-ost-demo.de", "Mo, Mi 14–18 Uhr", ["de", "vi"]),
        New("Volkssolidarität Ortsgruppe Großweitzschen", K.Verein, [C.Verein], [Grossweitzschen], "03431 602900", "Schulstraße 4, 04720 Großweitzschen", "og@vs-grossweitzschen-demo.de", "Do 14–17 Uhr", ["de"]),
        New("Löwen-Apotheke Döbeln", K.Apotheke, [C.Apotheke], [Zentrum, Nord, Ost], "03431 72020", "Obermarkt 8, 04720 Döbeln", "loewen@apotheke-demo.de", "Mo–Fr 8–18:30 Uhr, Sa 8–12 Uhr", ["de", "en", "ru"]),
        New("Stadt-Apotheke Hartha", K.Apotheke, [C.Apotheke], [Hartha, Grossweitzschen], "034328 41010", "Markt 12, 04746 Hartha", "stadt@apotheke-hartha-demo.de", "Mo–Fr 8–18 Uhr", ["de"]),
        New("Fahrdienst Mobil im Alter", K.Fahrdienst, [C.Fahrdienst], All, "03431 575757", "Fronstraße 3, 04720 Döbeln", "fahrten@mobil-im-alter-demo.de", "Mo–Fr 7–18 Uhr", ["de"]),
        New("Tagespflege Am Stadtpark", K.Tagespflege, [C.Tagespflege], [Zentrum, Nord], "03431 711300", "Parkstraße 6, 04720 Döbeln", "tagespflege@stadtpark-demo.de", "Mo–Fr 7:30–16 Uhr", ["de"], PartnerCapacity.WaitingList),
        New("Tagespflege Lindenhof Hartha", K.Tagespflege, [C.Tagespflege], [Hartha, Grossweitzschen], "034328 38800", "Lindenstraße 14, 04746 Hartha", "lindenhof@tagespflege-demo.de", "Mo–Fr 7–16 Uhr", ["de"]),
        New("Beratungsstelle für Senioren und Angehörige", K.Beratungsstelle, [C.Beratungsstelle], Doebeln, "03431 719900", "Unterm Landgericht 1, 04720 Döbeln", "beratung@senioren-demo.de", "Mo–Fr 9–14 Uhr", ["de", "en", "dgs"]),
        New("Caritas Migrationsberatung Döbeln", K.Beratungsstelle, [C.Beratungsstelle], All, "03431 605060", "Stiftsplatz 2, 04720 Döbeln", "migration@caritas-demo.de", "Mo, Mi 9–16 Uhr", ["de", "ar", "uk", "ru", "vi"]),
        New("Ambulanter Pflegedienst Harthaer Land", K.Pflegedienst, [C.Pflegedienst], [Hartha], "034328 40123", "Gartenstraße 9, 04746 Hartha", "buero@harthaer-land-demo.de", "Mo–Fr 7–15 Uhr", ["de"], PartnerCapacity.Full),
        // The Lagebild's demo gap: the only visiting service in Döbeln-Ost, where loneliness is rising.
        New(OnlyVisitingServiceInOst, K.Verein, [C.Besuchsdienst], [Ost], "03431 615500", "Straße des Friedens 41, 04720 Döbeln", "besuche@johanniter-ost-demo.de", "Mo–Fr 9–15 Uhr", ["de"]),
    ];

    private static Partner New(
        string name, string kind, List<string> categories, IEnumerable<string> quartiere, string phone, string address, string email, string hours,
        List<string> languages, PartnerCapacity capacity = PartnerCapacity.Accepting)
    {
        var contactName = $"Vermittlung {name.Split(' ')[0]}";
        return new Partner
        {
            Name = name,
            Kind = kind,
            ServiceCategories = categories,
            Quartiere = [.. quartiere],
            Status = PartnerStatus.Active,
            Capacity = capacity,
            Phone = phone,
            Email = email,
            Address = address,
            OpeningHours = hours,
            Languages = languages,
            ContactPersons = [new ContactPerson(contactName, "Vermittlungen und Aufnahme", phone, email, ForReferrals: true)],
        };
    }

    // Answered referrals of the last months: the partners' pages show answer times from the first day.
    private static IEnumerable<PartnerReferral> Referrals(IReadOnlyList<Partner> partners, Instant now)
    {
        var random = new Random(10);
        foreach (var partner in partners.Where(p => p.Kind is K.Pflegedienst or K.Haushaltshilfe or K.Schuldnerberatung or K.Tagespflege))
        {
            for (var i = 0; i < 6; i++)
            {
                var requested = now - Duration.FromDays(random.Next(10, 300)) - Duration.FromHours(random.Next(0, 8));
                var answered = requested + Duration.FromHours(random.Next(2, 120));
                var declined = random.Next(5) == 0;
                yield return new PartnerReferral
                {
                    Id = Guid.CreateVersion7(),
                    CaseId = Guid.Empty,
                    PartnerId = partner.Id,
                    PartnerName = partner.Name,
                    ServiceCategory = partner.ServiceCategories[0],
                    Quartier = partner.Quartiere[0],
                    DisclosedSummary = "Ältere Person, lebt allein, braucht Unterstützung im Alltag (Demo).",
                    RespondBy = requested.InBerlin().Date.PlusDays(7),
                    RequestedAt = requested,
                    AnsweredAt = answered,
                    Status = declined ? PartnerReferralStatus.Declined : PartnerReferralStatus.CompletedSuccessfully,
                    CompletedAt = declined ? null : answered + Duration.FromDays(14),
                    Reason = declined ? "Derzeit keine freien Kapazitäten." : null,
                };
            }
        }
    }

    private static IEnumerable<NetworkMeeting> Meetings(IReadOnlyList<Partner> partners, LocalDate today)
    {
        Guid Id(string name) => partners.First(p => p.Name == name).Id;
        yield return new NetworkMeeting
        {
            Date = today.PlusDays(-56),
            Title = "AG Sozialmanagement: Versorgung in Hartha",
            PartnerIds = [Id(OnlyHouseholdHelpInHartha), Id("Diakonie-Sozialstation Hartha"), Id("Sozialamt Landkreis Mittelsachsen, Außenstelle Döbeln")],
            Topics = ["Haushaltshilfe in Hartha: nur ein Anbieter", "Wartezeiten in der Pflege"],
            Minutes = "Hartha hat nur einen Hauswirtschaftsdienst. Die Döbelner Anbieter prüfen, ob sie Hartha mitversorgen können.",
            Actions =
            [
                new AgreedAction(Guid.NewGuid(), "Anfrage an Alltagshelfer Mittelsachsen: Einsatzgebiet Hartha", "Katrin Lehmann", today.PlusDays(-28), today.PlusDays(-30), "Katrin Lehmann"),
                new AgreedAction(Guid.NewGuid(), "Liste der Pflegedienste mit freien Plätzen an alle Kümmerer", "Diakonie-Sozialstation Hartha", today.PlusDays(7)),
            ],
        };
        yield return new NetworkMeeting
        {
            Date = today.PlusDays(-14),
            Title = "AG Sozialmanagement: Schuldnerberatung und Wohnen",
            PartnerIds = [Id("Schuldner- und Insolvenzberatung Mittelsachsen"), Id("Wohnungsgenossenschaft Döbeln eG"), Id("Caritas Migrationsberatung Döbeln")],
            Topics = ["Mietschulden früh erkennen", "Beratung in Ukrainisch und Arabisch"],
            Minutes = "Die Wohnungsgenossenschaft meldet Mietrückstände mit Einverständnis früher an die Schuldnerberatung.",
            Actions =
            [
                new AgreedAction(Guid.NewGuid(), "Einverständniserklärung für frühe Meldung entwerfen", "Wohnungsgenossenschaft Döbeln eG", today.PlusDays(14)),
                new AgreedAction(Guid.NewGuid(), "Dolmetschpool für Beratungstermine klären", "Caritas Migrationsberatung Döbeln", today.PlusDays(-2)),
            ],
        };
    }
}
