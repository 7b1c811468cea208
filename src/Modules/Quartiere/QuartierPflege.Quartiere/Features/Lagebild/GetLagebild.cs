using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>
/// Reads the three modules' figures through their query contracts and builds the Lagebild. The contracts run at the
/// same time, each in a scope (a database session) of its own; the built Lagebild is shared (<see cref="LagebildCache"/>),
/// so the pages, the API and the CSV show one reading, with the time it was read.
/// </summary>
internal sealed class GetLagebild(IServiceScopeFactory scopes, IQuartierList quartiere, LagebildCache cache, IClock clock)
{
    public Task<LagebildData> AllAsync(CancellationToken cancellationToken)
        => cache.GetOrBuildAsync(clock.GetCurrentInstant(), BuildAsync, cancellationToken);

    /// <summary>A fresh reading of every module, past the cache (the benchmark's cold figure).</summary>
    internal async Task<LagebildData> BuildAsync(CancellationToken cancellationToken)
    {
        var need = ReadAsync<INeedStatistics, NeedFigures>(s => s.NeedsAsync(cancellationToken));
        var offer = ReadAsync<IOfferStatistics, IReadOnlyList<OfferCell>>(s => s.OffersAsync(cancellationToken));
        var neighbour = ReadAsync<INeighbourStatistics, NeighbourFigures>(s => s.NeighboursAsync(cancellationToken));
        var listed = (await quartiere.AllAsync(cancellationToken)).Select(q => q.Name).ToList();
        await Task.WhenAll(need, offer, neighbour);
        var neighbours = await neighbour;
        return QuartierPictures.Build(await need, await offer, neighbours.Cells, listed, neighbours.Roles) with { ReadAt = clock.GetCurrentInstant() };
    }

    private async Task<T> ReadAsync<TContract, T>(Func<TContract, Task<T>> read)
        where TContract : notnull
    {
        // A session of its own: one session's connection runs one command at a time.
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TContract>());
    }

    /// <summary>When the reading now shown was taken.</summary>
    public async Task<Instant> ReadAtAsync(CancellationToken cancellationToken) => (await AllAsync(cancellationToken)).ReadAt;

    public async Task<ProgrammePicture> ProgrammeAsync(CancellationToken cancellationToken) => (await AllAsync(cancellationToken)).Programme;

    /// <summary>The picture of one Quartier of the list (retired ones too); an unknown name is refused.</summary>
    public async Task<Outcome<QuartierPicture>> QuartierAsync(string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || await quartiere.FindAsync(name, cancellationToken) is not { } listing)
        {
            return Outcome<QuartierPicture>.Invalid("quartier", "Dieses Quartier steht nicht in der Liste der Quartiere.");
        }

        var all = await AllAsync(cancellationToken);
        return Outcome<QuartierPicture>.Done(all.Quartiere[listing.Name]);
    }
}

internal static class LagebildCsv
{
    public static IReadOnlyList<string> Header { get; } = ["Bereich", "Quartier", "Merkmal", "Zeitraum", "Wert"];

    public static IEnumerable<IReadOnlyList<string?>> Rows(string quartier, IReadOnlyList<string> months, IReadOnlyList<NeedLine> needs, Figure total,
        IEnumerable<(string Name, string Value)> offers, IReadOnlyList<NeighbourLine> neighbours, IEnumerable<string> gaps)
    {
        var current = months[^1];
        foreach (var need in needs)
        {
            yield return ["Bedarf: offene Fälle", quartier, need.Name, current, need.OpenNow.Text];
        }

        yield return ["Bedarf: offene Fälle", quartier, "Alle Problemlagen (Nennungen)", current, total.Text];
        foreach (var need in needs)
        {
            for (var m = 0; m < months.Count; m++)
            {
                yield return ["Bedarf: offen am Monatsende", quartier, need.Name, months[m], need.Trend[m].Text];
            }
        }

        foreach (var (name, value) in offers)
        {
            yield return ["Angebot: aktive aufnehmende Partner", quartier, name, current, value];
        }

        foreach (var line in neighbours)
        {
            yield return ["Nachbar:innen: aktiv", quartier, line.Name, current, line.ActiveVolunteers.Text];
            yield return ["Nachbar:innen: Stunden im Vormonat", quartier, line.Name, months.Count > 1 ? months[^2] : current, line.HoursLastMonth.Text];
            yield return ["Nachbar:innen: freie Stunden", quartier, line.Name, current, line.FreeHoursThisMonth.Text];
        }

        foreach (var gap in gaps)
        {
            yield return ["Lücke", quartier, gap, current, ""];
        }
    }

    public static byte[] Programme(ProgrammePicture p)
        => CsvFile.Write(Header, Rows("alle Quartiere", p.Months, p.Needs, p.NeedTotal,
            p.Offers.Select(o => (o.Name, o.ActivePartners.ToString(CultureInfo.InvariantCulture))), p.Neighbours, p.Gaps.Select(g => g.Text))
            .Append(["Bedarf: offene Hinweise ohne Quartier", "alle Quartiere", "Hinweise", p.Months[^1], p.OpenConcerns.Text]));

    public static byte[] Quartier(QuartierPicture p)
        => CsvFile.Write(Header, Rows(p.Quartier, p.Months, p.Needs, p.NeedTotal,
            p.Offers.Select(o => (o.Name, o.ActivePartners.ToString(CultureInfo.InvariantCulture))), p.Neighbours, p.Gaps.Select(g => g.Text)));

    public static string FileName(string quartier) => $"lagebild-{new string([.. quartier.Select(c => char.IsLetterOrDigit(c) ? c : '-')])}.csv";
}

internal static class LagebildEndpoints
{
    public static IServiceCollection AddLagebild(this IServiceCollection services)
        => services.AddSingleton<LagebildCache>().AddScoped<GetLagebild>();

    public static IEndpointRouteBuilder MapLagebildApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/quartiere/lagebild").WithTags("Quartiere");
        api.MapGet("/", async (GetLagebild handler, CancellationToken ct) => TypedResults.Ok(await handler.ProgrammeAsync(ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Quartier-Lagebild des ganzen Programms (anonymisiert: keine Zelle unter 5 Personen)");
        api.MapGet("/{quartier}", async (string quartier, GetLagebild handler, CancellationToken ct)
                => (await handler.QuartierAsync(quartier, ct)).ToHttpResult(p => TypedResults.Ok(p)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Quartier-Lagebild eines Quartiers (anonymisiert: keine Zelle unter 5 Personen)");
        return endpoints;
    }
}
