namespace QuartierPflege.Notifications.Mail;

internal enum MailTransportKind
{
    /// <summary>Writes each mail as an <c>.eml</c> file into <see cref="MailOptions.PickupDirectory"/> (development).</summary>
    Pickup,

    /// <summary>Sends over SMTP with the settings in <see cref="MailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>Settings of outgoing mail (configuration section "Mail"; README "E-Mail" lists them).</summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Folder of the pickup transport; empty means <c>$QP_DATA_DIR/mail</c>, else <c>.data/mail</c> of the repository.</summary>
    public string? PickupDirectory { get; set; }

    public string From { get; set; } = "quartierpflege@localhost";

    public string FromName { get; set; } = "QuartierPflege";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Whether this process sends mail. Every Host does by default; two or more may run side by side.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for mail falling due for a retry (new mail wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failed attempt; it doubles with every further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts. Mail is never given up: it waits for the server to come back.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
    }
}

internal sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;

    /// <summary>587 is the submission port with STARTTLS. Implicit TLS (port 465) is not supported by SmtpClient.</summary>
    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool EnableStartTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
