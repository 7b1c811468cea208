namespace QuartierPflege.Testing;

/// <summary>
/// The real Host served by Kestrel on a free loopback port, for clients outside the test process (a real browser).
/// Otherwise a <see cref="QpApp"/>: used as a class fixture it gets its own database and the fake clock.
/// The browser side (one shared Chromium, a session per test, screenshots) is in QuartierPflege.BrowserTests/Support,
/// so that this project does not depend on Playwright.
/// </summary>
public class BrowserApp : QpApp
{
    private Uri? _rootUri;

    public BrowserApp()
    {
        // Port 0: Kestrel binds 127.0.0.1 on a port the system picks, so parallel test runs never collide.
        UseKestrelServer();
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RootUri => _rootUri ?? throw new InvalidOperationException("The server has not started: InitializeAsync has not run.");

    /// <summary>The absolute address of a path on this server (<c>"/Anmelden"</c> → <c>http://127.0.0.1:41234/Anmelden</c>).</summary>
    public string UrlOf(string path) => new Uri(RootUri, path).ToString();

    /// <summary>Subclasses that add settings call this too.</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        // Kestrel's "Now listening on…" / "Application is shutting down…" lines would fill every test run's console.
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        base.Configure(settings);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _rootUri = BaseAddress;
        if (_rootUri.Port is 0 or 80)
        {
            throw new InvalidOperationException($"Kestrel did not report the port it listens on ({_rootUri}).");
        }
    }
}
