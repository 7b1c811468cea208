using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.DataProtection;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Partners.Contracts;
using Wolverine;

namespace QuartierPflege.Notifications;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class NotificationsModule
{
    public const string AreaName = "Notifications";

    public const string SchemaName = "notifications";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMail(configuration);
        services.ConfigureMarten(o => o.Schema.For<SentMail>().DatabaseSchemaName(SchemaName));
        services.AddSingleton<IPersonalDataRegister, NotificationsPersonalData>();
        services.AddScoped<IPersonalDataHolder, NotificationsPersonalDataHolder>();
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.ConfigureWolverine(o =>
        {
            o.Discovery.IncludeAssembly(typeof(NotificationsModule).Assembly);
            // The referral mail reads the partner's contact from the directory, whose implementation is the Partners
            // module's (internal, on the scope's Marten session): resolved from the scope.
            o.CodeGeneration.AlwaysUseServiceLocationFor<IPartnerDirectory>();
            o.Policies.Add(new MailFailurePolicy(mail.EffectiveRetryCooldowns, mail.EffectiveRefusalCooldowns, mail.Smtp.Timeout));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints) => endpoints;
}
