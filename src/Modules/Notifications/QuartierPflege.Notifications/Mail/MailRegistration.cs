using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QuartierPflege.Notifications.Mail;

internal static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.PickupDirectory = ResolvePickupDirectory(options.PickupDirectory, configuration["QP_DATA_DIR"], environment.ContentRootPath))
            .Validate(o => o.Transport != MailTransportKind.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Mail:Smtp:Host is required when Mail:Transport is Smtp.")
            .ValidateOnStart();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<MailQueue>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? provider.GetRequiredService<SmtpMailTransport>()
                : provider.GetRequiredService<PickupDirectoryMailTransport>());
        services.AddHostedService<MailSender>();
        return services;
    }

    /// <summary>
    /// A configured folder (relative to the content root), else <c>mail/</c> in <c>QP_DATA_DIR</c> (ops/run sets it to the
    /// repository's <c>.data</c>), else the repository's <c>.data/mail</c> seen from <c>src/Host</c>.
    /// </summary>
    internal static string ResolvePickupDirectory(string? configured, string? dataDirectory, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        return !string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(Path.GetFullPath(dataDirectory, contentRoot), "mail")
            : Path.GetFullPath(Path.Combine(contentRoot, "..", "..", ".data", "mail"));
    }
}
