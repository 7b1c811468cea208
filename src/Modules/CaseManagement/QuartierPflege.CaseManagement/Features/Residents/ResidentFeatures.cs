using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Features.Residents.Opening;
using QuartierPflege.CaseManagement.Features.Residents.Protocol;
using QuartierPflege.CaseManagement.Features.Residents.Residents;

namespace QuartierPflege.CaseManagement.Features.Residents;

/// <summary>Registration of this feature area's handlers, message subscriptions and API endpoints.</summary>
internal static class ResidentFeatures
{
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services)
    {
        // Reporting a concern is for everybody, volunteers included: the first step of every case.
        services.AddNavigationItem(new NavigationItem("Hinweis melden", "/CaseManagement/Hinweise/Melden", Policies.SignedIn, 15));
        services.AddScoped<CreateResident>();
        services.AddScoped<UpdateResident>();
        services.AddScoped<GetResident>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<PossibleDuplicates>();
        services.AddScoped<ConsentCheck>();
        services.AddScoped<GiveConsent>();
        services.AddScoped<WithdrawConsent>();
        services.AddScoped<ListConsents>();
        services.AddScoped<ReportConcern>();
        services.AddScoped<ListConcerns>();
        services.AddScoped<TriageConcern>();
        services.AddScoped<OpenCase>();
        services.AddScoped<ReadCaseProtocol>();
        return services;
    }

    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        api.MapResidentApi();
        api.MapConsentApi();
        api.MapConcernApi();
        api.MapOpeningApi();
        api.MapProtocolApi();
        return api;
    }
}
