using JasperFx;
using QuartierPflege.Host.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddQuartierPflege();

var app = builder.Build();
app.UseQuartierPflege();

// Wolverine's and Marten's own verbs (codegen write|test, describe, storage, resources, db-apply …).
if (CommandLine.IsJasperFxVerb(args))
{
    return await app.RunJasperFxCommands(args);
}

// "Host migrate" and "Host seed-demo" run against the same composition as the web app, then exit.
if (await CommandLine.TryRunVerbAsync(app, args))
{
    return Environment.ExitCode;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public only so that the test host can start it.</summary>
public partial class Program;
