using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QuartierPflege.Notifications.Mail;

internal static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        // The handler reads the settings itself (see SendMailHandler); registering them here makes a Host with a
        // broken mail configuration refuse to start instead of failing at the first mail.
        services.AddOptions<MailOptions>()
            .Configure<IHostEnvironment>((options, environment) => MailOptions.Fill(options, configuration, environment.ContentRootPath))
            .Validate(o => o.Transport != MailTransportKind.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Mail:Smtp:Host is required when Mail:Transport is Smtp.")
            .Validate(o => o.Smtp.Timeout > TimeSpan.Zero, "Mail:Smtp:Timeout must be positive.")
            .ValidateOnStart();
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
