using Marten;
using QuartierPflege.BuildingBlocks.Modules;

namespace QuartierPflege.Quartiere.List;

/// <summary>The demo programme's Quartiere around Döbeln with who lies next to whom.</summary>
internal sealed class DemoQuartiere(IDocumentSession session) : IDemoDataSeeder
{
    public const string DoebelnNord = "Döbeln-Nord";
    public const string DoebelnOst = "Döbeln-Ost";
    public const string DoebelnZentrum = "Döbeln-Zentrum";
    public const string Grossweitzschen = "Großweitzschen";
    public const string Hartha = "Hartha";

    // Before every other module's seeder: their demo records name these Quartiere.
    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await session.Query<Quartier>().Select(q => q.Id).ToListAsync(cancellationToken);
        var missing = Quartiere().Where(q => !existing.Contains(q.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        session.Insert<Quartier>(missing);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<Quartier> Quartiere() =>
    [
        New(DoebelnNord, DoebelnZentrum, DoebelnOst, Grossweitzschen),
        New(DoebelnOst, DoebelnZentrum, DoebelnNord),
        New(DoebelnZentrum, DoebelnNord, DoebelnOst, Hartha),
        New(Grossweitzschen, DoebelnNord, Hartha),
        New(Hartha, DoebelnZentrum, Grossweitzschen),
    ];

    private static Quartier New(string name, params string[] neighbours) => new() { Id = name, Neighbours = [.. neighbours] };
}
