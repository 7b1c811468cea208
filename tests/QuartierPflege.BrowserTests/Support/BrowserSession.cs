using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuartierPflege.Testing;
using Xunit.Abstractions;

namespace QuartierPflege.BrowserTests.Support;

/// <summary>
/// One person at one browser: an isolated browser context with a single page against a <see cref="BrowserApp"/>.
/// Relative addresses (<c>Page.GotoAsync("/Anmelden")</c>) go to the app. Dispose it at the end of the test.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private const string ElementsAtTheRightEdge = """
        pageWidth => {
            const atEdge = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right + window.scrollX >= pageWidth - 1);
            return atEdge.filter(e => !atEdge.some(other => other !== e && e.contains(other)))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('')
                    + ' "' + e.textContent.trim().slice(0, 40) + '"');
        }
        """;

    private readonly BrowserApp _app;
    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;

    internal BrowserSession(BrowserApp app, IBrowserContext context, IPage page, Screen screen, ITestOutputHelper output)
    {
        _app = app;
        _context = context;
        _output = output;
        Page = page;
        Screen = screen;
    }

    public IPage Page { get; }

    public Screen Screen { get; }

    /// <summary>The main navigation of the German shell (its accessible name is "Hauptnavigation").</summary>
    public ILocator MainNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation", Exact = true });

    public ILocator MainHeading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Fills the German sign-in form on the current page by its labels and submits it.</summary>
    public async Task SubmitSignInFormAsync(string email, string password)
    {
        await Page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through the real /Anmelden form and waits for the start page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/Anmelden");
        await SubmitSignInFormAsync(email, password);
        // Case work lands on its "Heute" page, everyone else on the overview; the tests go on from the overview.
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/Anmelden"));
        if (Page.Url != _app.UrlOf("/"))
        {
            await GotoAsync("/");
        }

        await Assertions.Expect(Page).ToHaveURLAsync(_app.UrlOf("/"));
    }

    public Task SignInAsync(TestUser user) => SignInAsync(user.Email, TestUser.Password);

    /// <summary>A new person of <paramref name="role"/>, signed in through the form; the page is then the start page.</summary>
    public async Task<TestUser> SignInAsAsync(string role, string? displayName = null)
    {
        var user = await _app.CreateUserAsync(role, displayName);
        await SignInAsync(user);
        return user;
    }

    /// <summary>A full-page PNG of the current page, named <c>{name}-{screen width}.png</c> (see <see cref="Screenshots"/>).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Screenshots.PathFor($"{name}-{Screen.Width}");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        _output.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>
    /// Fails when the page is wider than the screen, i.e. when it has to be scrolled sideways, and names the innermost
    /// elements that reach the far right edge (usually the cause).
    /// </summary>
    public async Task AssertNoHorizontalScrollingAsync()
    {
        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (width <= Screen.Width)
        {
            return;
        }

        var culprits = await Page.EvaluateAsync<string[]>(ElementsAtTheRightEdge, width);
        Assert.Fail($"{Page.Url} is {width} px wide on a {Screen.Width} px screen: it scrolls sideways. " +
                    $"Reaching {width} px: {string.Join(", ", culprits)}");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
