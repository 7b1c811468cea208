using QuartierPflege.Host.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuartierPflege();

var app = builder.Build();
app.UseQuartierPflege();

// "Host migrate" and "Host seed-demo" run against the same composition as the web app, then exit.
if (await CommandLine.TryRunVerbAsync(app, args))
{
    return;
}

await app.RunAsync();

/// <summary>Entry point; public only so that the test host can start it.</summary>
public partial class Program;
