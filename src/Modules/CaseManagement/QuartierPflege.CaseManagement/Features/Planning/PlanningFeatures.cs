using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Features.Planning.Closing;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.CaseManagement.Features.Planning.HomeVisits;
using QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>
/// Registration of this feature area's handlers, message subscriptions and API endpoints. The partner directory comes
/// from the Partners module, the consent check from the residents area.
/// </summary>
internal static class PlanningFeatures
{
    public static IServiceCollection AddPlanningFeatures(this IServiceCollection services)
    {
        services.AddScoped<IConsentGate>(sp => sp.GetRequiredService<ConsentCheck>());
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
        services.AddScoped<WithdrawReferral>();
        services.AddScoped<FindPartnerChoices>();
        services.AddScoped<NeighbourHelpDisclosure>();
        services.AddScoped<ChooseHelper>();
        services.AddScoped<CloseCase>();
        services.AddScoped<PartnerAnswers>();

        services.AddMessageType<ReferralRequested>();
        services.AddMessageType<ReferralWithdrawn>();
        services.AddMessageType<NeighbourHelpRequested>();
        services.AddMessageType<HelperChosen>();
        services.AddMessageType<CaseClosed>();

        services.AddMessageHandler<ReferralAccepted, ReferralAcceptedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<ReferralDeclined, ReferralDeclinedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<ReferralCompleted, ReferralCompletedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<PartnerUnavailable, PartnerUnavailableHandler, CaseManagementDbContext>();
        services.AddMessageHandler<HelpersProposed, HelpersProposedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<AssignmentStarted, AssignmentStartedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<AssignmentRefused, AssignmentRefusedHandler, CaseManagementDbContext>();
        services.AddMessageHandler<EnrolmentSuspended, EnrolmentSuspendedHandler, CaseManagementDbContext>();
        return services;
    }

    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder api) => api.MapPlanningApi();
}
