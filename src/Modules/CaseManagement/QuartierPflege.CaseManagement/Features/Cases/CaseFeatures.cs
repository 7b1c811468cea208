using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Features.Cases.Deputy;
using QuartierPflege.CaseManagement.Features.Cases.FollowUps;
using QuartierPflege.CaseManagement.Features.Cases.Handover;
using QuartierPflege.CaseManagement.Features.Cases.Journal;
using QuartierPflege.CaseManagement.Features.Cases.Overview;
using QuartierPflege.CaseManagement.Features.Cases.Reminders;
using QuartierPflege.CaseManagement.Features.Cases.Status;
using QuartierPflege.CaseManagement.Features.Cases.Today;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>Registration of this feature area's handlers, message subscriptions and API endpoints.</summary>
internal static class CaseFeatures
{
    public static IServiceCollection AddCaseFeatures(this IServiceCollection services)
    {
        services.AddOptions<CaseWorkOptions>().BindConfiguration(CaseWorkOptions.Section);
        services.AddScoped<QuartierPflege.CaseManagement.Contracts.Cases.ICaseManagerQuartiere, CaseManagerQuartiere>();
        services.AddScoped<GetCaseOverview>();
        services.AddScoped<ChangeCaseStatus>();
        services.AddScoped<ChangeDeputy>();
        services.AddScoped<ListDeputyCandidates>();
        services.AddScoped<HandOverCase>();
        services.AddScoped<GetDashboard>();
        services.AddScoped<GetToday>();
        services.AddScoped<IOverdueItemsSource, OverdueFollowUps>();
        services.AddScoped<ListFollowUps>();
        services.AddScoped<AddFollowUp>();
        services.AddScoped<MarkFollowUpDone>();
        services.AddScoped<ListJournal>();
        services.AddScoped<AddJournalNote>();
        services.AddScheduledCommand<SendFollowUpReminders>("case-management.send-follow-up-reminders", "0 7 * * *", "Erinnerungen an fällige Wiedervorlagen senden", clock => new SendFollowUpReminders(Guid.NewGuid(), default, clock.Today()));
        return services;
    }

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api) => api.MapCaseWorkEndpoints();
}
