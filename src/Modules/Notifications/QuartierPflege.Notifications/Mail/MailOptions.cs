using Microsoft.Extensions.Configuration;

namespace QuartierPflege.Notifications.Mail;

internal enum MailTransportKind
{
    /// <summary>Writes each mail as an <c>.eml</c> file into <see cref="MailOptions.PickupDirectory"/> (development).</summary>
    Pickup,

    /// <summary>Sends over SMTP with the settings in <see cref="MailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>How the connection to the SMTP server is secured.</summary>
internal enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (submission port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption (a relay on the same machine or in a closed network; tests).</summary>
    None,
}

/// <summary>Settings of outgoing mail (configuration section "Mail"; docs/notes/notifications.md lists them).</summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Growing pauses before each new attempt while the server is away, times out or answers 4xx.</summary>
    public static readonly TimeSpan[] DefaultRetryCooldowns =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
        TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    /// <summary>Pauses before the attempts after a permanent refusal (5xx): two more tries, then a dead letter.</summary>
    public static readonly TimeSpan[] DefaultRefusalCooldowns = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Folder of the pickup transport; empty means <c>$QP_DATA_DIR/mail</c>, else <c>.data/mail</c> of the repository.</summary>
    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "quartierpflege@localhost";

    public string FromName { get; set; } = "QuartierPflege";

    public SmtpSettings Smtp { get; set; } = new();

    // Null rather than the defaults: the configuration binder appends configured array items to a non-empty default.
    public TimeSpan[]? RetryCooldowns { get; set; }

    public TimeSpan[]? RefusalCooldowns { get; set; }

    public TimeSpan[] EffectiveRetryCooldowns => RetryCooldowns is { Length: > 0 } configured ? configured : DefaultRetryCooldowns;

    public TimeSpan[] EffectiveRefusalCooldowns => RefusalCooldowns is { Length: > 0 } configured ? configured : DefaultRefusalCooldowns;

    /// <summary>The settings as configured, with the pickup folder resolved against the content root.</summary>
    public static MailOptions Read(IConfiguration configuration, string contentRoot)
    {
        var options = new MailOptions();
        Fill(options, configuration, contentRoot);
        return options;
    }

    public static void Fill(MailOptions options, IConfiguration configuration, string contentRoot)
    {
        configuration.GetSection(Section).Bind(options);
        options.PickupDirectory = MailRegistration.ResolvePickupDirectory(options.PickupDirectory, configuration["QP_DATA_DIR"], contentRoot);
    }
}

internal sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;

    /// <summary>Empty means the usual port of <see cref="Security"/>: 465 for implicit TLS, else 587 (submission).</summary>
    public int? Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one step of the conversation with the server (connect, greeting, each command) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public int EffectivePort => Port ?? (Security == MailSecurity.SslOnConnect ? 465 : 587);
}
