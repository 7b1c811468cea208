using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Demo;
using QuartierPflege.CaseManagement.Features.Planning;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;
using QuartierPflege.CaseManagement.Features.Residents;
using QuartierPflege.CaseManagement.Features.Statistics;
using QuartierPflege.CaseManagement.Persistence;
using Wolverine;

namespace QuartierPflege.CaseManagement;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class CaseManagementModule
{
    public const string AreaName = "CaseManagement";

    public static IServiceCollection AddCaseManagement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCaseManagementDocuments();
        // Wolverine finds only public handler types: the daily digest and the answers of partners and volunteers. The
        // digest reads the staff directory, whose implementation is the Host's (internal): resolved from the scope.
        services.ConfigureWolverine(o =>
        {
            o.Discovery.IncludeAssembly(typeof(CaseManagementModule).Assembly);
            o.CodeGeneration.AlwaysUseServiceLocationFor<IStaffDirectory>();
        });
        services.AddNavigationItem(new NavigationItem("Fälle", "/CaseManagement", Policies.CaseWork, 10));
        services.AddStartPage(new StartPage("/CaseManagement/Heute", Policies.CaseWork, 10));
        services.AddScoped<AuditTrail>();
        services.AddScoped<CaseAccess>();
        services.AddValidatorsOf(typeof(CaseManagementModule).Assembly);
        services.AddDemoDataSeeder<DemoCaseData>();
        services.AddResidentFeatures();
        services.AddCaseFeatures();
        services.AddPlanningFeatures();
        services.AddNeedStatistics();
        services.AddCaseManagementDataProtection();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseManagement(this IEndpointRouteBuilder endpoints)
    {
        // Each endpoint states its own policy; the group's policy is the default for case work.
        var api = endpoints.MapGroup("/api/case-management").WithTags("Fallmanagement");
        api.MapResidentEndpoints();
        api.MapCaseEndpoints();
        api.MapPlanningEndpoints();
        api.MapLegalHoldEndpoints();
        api.MapEmergencyDisclosureEndpoints();
        return endpoints;
    }
}
