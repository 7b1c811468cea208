using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.DataProtection;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.Quartiere.Features;
using QuartierPflege.Quartiere.Features.Lagebild;
using QuartierPflege.Quartiere.List;
using Wolverine;

namespace QuartierPflege.Quartiere;

/// <summary>
/// The module's only public face towards the Host. Today it holds the managed list of Quartiere that all modules choose
/// from; the Quartiersarbeit (Lagebild, surveys, forum) will live here too.
/// </summary>
public static class QuartiereModule
{
    public const string AreaName = "Quartiere";

    public static IServiceCollection AddQuartiere(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddQuartiereDocuments();
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(QuartiereModule).Assembly));
        services.AddScoped<IQuartierList, QuartierList>();
        services.AddScoped<MaintainQuartiere>();
        services.AddLagebild();
        services.AddValidatorsOf(typeof(QuartiereModule).Assembly);
        services.AddSingleton<IPersonalDataRegister, QuartierePersonalData>();
        services.AddScoped<IPersonalDataHolder, QuartierePersonalDataHolder>();
        services.AddDemoDataSeeder<DemoQuartiere>();
        services.AddQuartiersarbeit();
        return services;
    }

    public static IEndpointRouteBuilder MapQuartiere(this IEndpointRouteBuilder endpoints) => endpoints.MapQuartierApi().MapQuartiersarbeitApi().MapLagebildApi();
}
