using Marten;
using NodaTime;

namespace QuartierPflege.Compensation.Domain;

/// <summary>
/// The models and caps every installation starts with (keys as the role profiles of Volunteers name them, caps of
/// DOMAIN.md). Finance edits them; an edited one is stored and wins over its default.
/// </summary>
internal static class Catalogue
{
    private static readonly LocalDate Start = new(2025, 1, 1);

    public static IReadOnlyList<CompensationModel> DefaultModels() =>
    [
        new() { Id = "unentgeltlich", Name = "Unentgeltlich", Allowance = AllowanceKind.None, Rates = [new RatePeriod(Start, null, null, null, null)] },
        new() { Id = "aufwandspauschale", Name = "Aufwandspauschale Alltagsbegleitung", Allowance = AllowanceKind.Ehrenamtspauschale,
            Rates = [new RatePeriod(Start, 80m, 32m, null, null)] },
        new() { Id = "stundensatz", Name = "Stundensatz Nachbarschaftshilfe", Allowance = AllowanceKind.Ehrenamtspauschale,
            Rates = [new RatePeriod(Start, null, null, 12m, null)] },
        new() { Id = "fahrtkosten", Name = "Fahrtkosten", Allowance = AllowanceKind.None, Rates = [new RatePeriod(Start, null, null, null, 0.30m)] },
    ];

    public static async Task<IReadOnlyDictionary<string, CompensationModel>> ModelsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var models = DefaultModels().ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var stored in await session.Query<CompensationModel>().ToListAsync(cancellationToken))
        {
            models[stored.Id] = stored;
        }

        return models;
    }

    public static async Task<IReadOnlyDictionary<int, YearCaps>> CapsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var caps = YearCaps.Known.ToDictionary(c => c.Year);
        foreach (var stored in await session.Query<CapYear>().ToListAsync(cancellationToken))
        {
            caps[stored.Id] = stored.Caps();
        }

        return caps;
    }
}
