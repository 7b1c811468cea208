using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.DataProtection;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Features.Statistics;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Network;
using QuartierPflege.Partners.Referrals;
using Wolverine;

namespace QuartierPflege.Partners;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class PartnersModule
{
    public const string AreaName = "Partners";

    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPartnerDocuments();
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(PartnersModule).Assembly));
        services.AddNavigationItem(new NavigationItem("Netzwerkpartner", "/Partners", Policies.PartnerDirectory, 40));
        services.AddScoped<PartnerDirectory>();
        services.AddScoped<IPartnerDirectory>(sp => sp.GetRequiredService<PartnerDirectory>());
        services.AddScoped<SavePartner>();
        services.AddScoped<ChangePartnerStatus>();
        services.AddScoped<CoverageQuery>();
        services.AddOfferStatistics();
        services.AddScoped<AnswerReferral>();
        services.AddScoped<ReferralQueries>();
        services.AddScoped<MeetingWork>();
        services.AddValidatorsOf(typeof(PartnersModule).Assembly);
        services.AddScheduledCommand<CheckOverdueReferrals>("partners.check-overdue-referrals", "0 8 * * *",
            "Partner an überfällige Vermittlungen erinnern", clock => new CheckOverdueReferrals(Guid.NewGuid(), clock.GetCurrentInstant(), clock.Today()));
        // Just after midnight, so that on the day after a pause's last day the partner is offered again from the morning on.
        services.AddScheduledCommand<EndElapsedPauses>("partners.end-elapsed-pauses", "5 0 * * *",
            "Abgelaufene Pausen von Partnern beenden", clock => new EndElapsedPauses(Guid.NewGuid(), clock.GetCurrentInstant(), clock.Today()));
        services.AddSingleton<IPersonalDataRegister, PartnersPersonalData>();
        services.AddScoped<IPersonalDataHolder, PartnersPersonalDataHolder>();
        services.AddScoped<ContactReadAudit>();
        services.AddDemoDataSeeder<DemoPartners>();
        services.AddDemoDataSeeder<DemoCaseReferrals>();
        return services;
    }

    public static IEndpointRouteBuilder MapPartners(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPartnerEndpoints();
        return endpoints;
    }
}
