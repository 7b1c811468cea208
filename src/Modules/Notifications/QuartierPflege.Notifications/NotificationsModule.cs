using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Notifications.Mail.Messages;
using QuartierPflege.Notifications.Persistence;

namespace QuartierPflege.Notifications;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class NotificationsModule
{
    public const string AreaName = "Notifications";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsDbContext.SchemaName);
        services.AddMail(configuration);
        services.AddMessageHandler<FollowUpsDue, FollowUpsDueMail, NotificationsDbContext>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints) => endpoints;
}
