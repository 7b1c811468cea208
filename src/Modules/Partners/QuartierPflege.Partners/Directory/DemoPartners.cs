using Marten;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

/// <summary>A small, plausible partner network around Döbeln for the demo (names invented).</summary>
internal sealed class DemoPartners(IDocumentSession session) : IDemoDataSeeder
{
    private const string Nord = "Döbeln-Nord";
    private const string Mitte = "Döbeln-Mitte";
    private const string Ost = "Döbeln-Ost";

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

        session.Insert<Partner>(missing);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Partner> Partners() =>
    [
        New("Pflegedienst Muldental gGmbH", [ServiceCategories.Pflegedienst], [Nord, Mitte], "03431 700100", "Bahnhofstraße 12, 04720 Döbeln"),
        New("Ambulante Pflege Sonnenschein", [ServiceCategories.Pflegedienst], [Nord, Ost], "03431 612233", "Grimmaische Straße 4, 04720 Döbeln"),
        New("Hausarztpraxis Dr. Weber", [ServiceCategories.Hausarzt], [Nord], "03431 573920", "Ritterstraße 9, 04720 Döbeln"),
        New("Gemeinschaftspraxis am Wettinplatz", [ServiceCategories.Hausarzt], [Mitte, Ost], "03431 71155", "Wettinplatz 2, 04720 Döbeln"),
        New("Haushaltshilfe Fleißige Hände", [ServiceCategories.Haushaltshilfe], [Nord, Mitte, Ost], "0176 22334455", "Zwingerstraße 7, 04720 Döbeln"),
        New("Schuldner- und Insolvenzberatung Mittelsachsen", [ServiceCategories.Schuldnerberatung, ServiceCategories.Beratungsstelle], [Nord, Mitte, Ost], "03431 74190", "Straße des Friedens 20, 04720 Döbeln"),
        New("Sozialamt Landkreis Mittelsachsen, Außenstelle Döbeln", [ServiceCategories.Sozialamt], [Nord, Mitte, Ost], "03731 7990", "Mastener Straße 5, 04720 Döbeln"),
        New("Pflegestützpunkt Mittelsachsen", [ServiceCategories.Pflegestuetzpunkt, ServiceCategories.Beratungsstelle], [Nord, Mitte, Ost], "03731 799 3300", "Frauensteiner Straße 43, 09599 Freiberg"),
        New("Wohnungsgenossenschaft Döbeln eG", [ServiceCategories.Wohnungsgenossenschaft], [Nord, Mitte], "03431 60580", "Burgstraße 15, 04720 Döbeln"),
    ];

    private static Partner New(string name, List<string> categories, List<string> quartiere, string phone, string address) => new()
    {
        Name = name,
        ServiceCategories = categories,
        Quartiere = quartiere,
        Status = PartnerStatus.Active,
        Phone = phone,
        Address = address,
    };
}
