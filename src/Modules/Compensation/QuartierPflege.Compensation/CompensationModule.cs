using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.DataProtection;
using QuartierPflege.Compensation.Features.Demo;
using QuartierPflege.Compensation.Features.Models;
using QuartierPflege.Compensation.Features.Payees;
using QuartierPflege.Compensation.Features.Runs;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.DataProtection.Contracts;
using Wolverine;

namespace QuartierPflege.Compensation;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class CompensationModule
{
    public const string AreaName = "Compensation";

    public static IServiceCollection AddCompensation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCompensationDocuments();
        services.AddSepaExport(configuration);
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(CompensationModule).Assembly));
        services.AddNavigationItem(new NavigationItem("Auszahlungen", "/Compensation", Policies.Finance, 30));
        services.AddScoped<SaveModel>();
        services.AddScoped<SaveCaps>();
        services.AddScoped<ReviewPayoutRun>();
        services.AddScoped<PayeeAccess>();
        services.AddScoped<SaveBankDetails>();
        services.AddSingleton<IPersonalDataRegister, CompensationPersonalData>();
        services.AddScoped<IPersonalDataHolder, CompensationPersonalDataHolder>();
        services.AddScoped<PayeeReadLog>();
        services.AddScoped<PayeeView>();
        services.AddDemoDataSeeder<DemoPayouts>();
        services.AddValidatorsOf(typeof(CompensationModule).Assembly);
        // On the 1st at 02:00 Berlin, for the month that just ended; preparing a month twice changes only its draft.
        services.AddScheduledCommand<PreparePayoutRun>("compensation.prepare-payout-run", "0 2 1 * *",
            "Auszahlungslauf des Vormonats vorbereiten", clock => new PreparePayoutRun(Guid.NewGuid(), clock.GetCurrentInstant(), PayoutMonths.Previous(clock.Today())));
        return services;
    }

    public static IEndpointRouteBuilder MapCompensation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCompensationEndpoints();
        endpoints.MapPayeeEndpoints();
        return endpoints;
    }
}
