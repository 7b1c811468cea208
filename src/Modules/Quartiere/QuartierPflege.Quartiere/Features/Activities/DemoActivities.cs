using Marten;
using QuartierPflege.BuildingBlocks.Modules;

namespace QuartierPflege.Quartiere.Features.Activities;

/// <summary>Six regular activities across the five demo Quartiere.</summary>
internal sealed class DemoActivities(IDocumentSession session) : IDemoDataSeeder
{
    public int Order => 62;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = (await session.Query<Activity>().Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var missing = Activities().Where(a => !existing.Contains(a.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        session.Insert<Activity>(missing);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Activity> Activities() =>
    [
        New(1, "Döbeln-Ost", "Nachbarschaftscafé", "Gemeindesaal Ost, Sörmitzer Straße", "donnerstags 14–16 Uhr", true, 0m),
        New(2, "Döbeln-Ost", "Spaziergang an der Mulde", "Treffpunkt Muldenbrücke", "jeden 1. und 3. Montag, 10 Uhr", false, 0m),
        New(3, "Döbeln-Nord", "Handy-Sprechstunde", "Stadtbibliothek, Obermarkt", "mittwochs 10–12 Uhr", true, 0m),
        New(4, "Döbeln-Zentrum", "Seniorengymnastik", "Turnhalle am Körnerplatz", "dienstags 9:30 Uhr", true, 2.50m),
        New(5, "Großweitzschen", "Spielenachmittag", "Dorfgemeinschaftshaus", "jeden 2. Freitag, 15 Uhr", false, 1m),
        New(6, "Hartha", "Mittagstisch", "Begegnungsstätte am Markt", "montags und donnerstags 12 Uhr", true, 4.80m),
    ];

    private static Activity New(int n, string quartier, string title, string place, string when, bool accessible, decimal cost)
        => new() { Id = new Guid($"8d3f5e60-2c1a-4e73-9f2a-7c30000000{n:D2}"), Quartier = quartier, Title = title, Place = place, When = when, Accessible = accessible, Cost = cost };
}
