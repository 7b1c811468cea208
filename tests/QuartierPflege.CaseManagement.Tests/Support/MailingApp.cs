using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Support;

/// <summary>The Host with its mail going to a real SMTP server (<see cref="Smtp"/>), for tests that read what was sent.</summary>
public sealed class MailingApp : QpApp
{
    public SmtpTestServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings) => Smtp.AddHostSettings(settings);
}
