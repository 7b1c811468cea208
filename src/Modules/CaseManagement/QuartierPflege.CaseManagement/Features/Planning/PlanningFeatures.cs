using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.CaseManagement.Features.Planning.Closing;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.CaseManagement.Features.Planning.HomeVisits;
using QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Features.Residents.Consents;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>
/// Registration of this feature area's use cases and API endpoints. The partner directory comes from the Partners
/// module, the consent check from the residents area. The handlers of other modules' answers are public Wolverine
/// handlers (Referrals/PartnerAnswerHandlers.cs, NeighbourHelp/VolunteerMessageHandlers.cs), found by Wolverine's
/// discovery of this assembly.
/// </summary>
internal static class PlanningFeatures
{
    public static IServiceCollection AddPlanningFeatures(this IServiceCollection services)
    {
        services.AddScoped<IConsentGate, ConsentCheck>();
        services.AddScoped<IOverdueItemsSource, OverdueSteps>();
        services.AddScoped<PlanningCases>();
        services.AddScoped<RecordHomeVisit>();
        services.AddScoped<ListHomeVisits>();
        services.AddScoped<TurnFindingsIntoProblems>();
        services.AddScoped<GetPlan>();
        services.AddScoped<SaveProblem>();
        services.AddScoped<AddStep>();
        services.AddScoped<ChangeStep>();
        services.AddScoped<ReferralDisclosure>();
        services.AddScoped<EmergencyDisclosureReport>();
        services.AddScoped<WithdrawReferral>();
        services.AddScoped<FindPartnerChoices>();
        services.AddScoped<NeighbourHelpDisclosure>();
        services.AddScoped<ChooseHelper>();
        services.AddScoped<WithdrawNeighbourHelp>();
        services.AddScoped<QuartierPflege.CaseManagement.Contracts.Planning.INeighbourHelpRequests, NeighbourHelpRequests>();
        services.AddScoped<QuartierPflege.CaseManagement.Contracts.Planning.ICaseReferrals, CaseReferrals>();
        services.AddScoped<CloseCase>();
        services.AddScoped<ReopenCase>();
        return services;
    }

    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder api) => api.MapPlanningApi();
}
