using Microsoft.Playwright;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace QuartierPflege.BrowserTests.Support;

/// <summary>
/// One headless Chromium for all browser tests: the system browser (Debian's <c>chromium</c> package), never one that
/// Playwright downloads. Each test opens its own <see cref="BrowserSession"/> (own cookies, own screen size).
/// </summary>
public sealed class Chromium(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing: the browser tests drive the system browser at {ExecutablePath} and download none. " +
                "Install it with 'apt-get install -y chromium' (ops/test does this).");
        }

        // Generous for a busy 2-core machine; a passing test never waits this long.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        diagnostics.OnMessage(new DiagnosticMessage(
            $"Browser tests: Chromium {_browser.Version} from {ExecutablePath}; screenshots in {Screenshots.Folder}"));
    }

    /// <summary>A fresh browser context (no cookies: not signed in, German) with one page, on the given screen.</summary>
    public async Task<BrowserSession> NewSessionAsync(BrowserApp app, ITestOutputHelper output, Screen screen)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = app.RootUri.ToString(),
            ViewportSize = new() { Width = screen.Width, Height = screen.Height },
            IsMobile = screen.IsMobile,
            HasTouch = screen.IsMobile,
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(app, context, page, screen, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Every browser test class joins this collection: one Chromium for all, classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
