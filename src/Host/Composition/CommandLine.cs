using Microsoft.EntityFrameworkCore;
using Marten;
using Wolverine.Runtime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Host.Identity;

namespace QuartierPflege.Host.Composition;

/// <summary>The Host's verbs: <c>migrate</c> applies every module's migrations, <c>seed-demo</c> also loads demo data.</summary>
internal static class CommandLine
{
    private static readonly string[] JasperFxVerbs =
        ["codegen", "describe", "storage", "resources", "check-env", "help", "wolverine-diagnostics", "db-apply", "db-assert", "db-dump", "db-patch", "projections"];

    /// <summary>Verbs of the JasperFx command line (Wolverine, Marten), e.g. <c>codegen write</c> for pre-generated handler code.</summary>
    public static bool IsJasperFxVerb(string[] args) => args.Length > 0 && JasperFxVerbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<bool> TryRunVerbAsync(WebApplication app, string[] args)
    {
        // The verb comes first; everything else (--urls …, Key=Value) is configuration for the host.
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;
        switch (verb)
        {
            case "migrate":
                await MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Alle Migrationen sind angewendet.");
                return true;
            case "seed-demo":
                await MigrateAsync(app.Services, CancellationToken.None);
                await SeedWithMessagingAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Demodaten sind geladen.");
                return true;
            case null:
                if (app.Environment.IsDevelopment())
                {
                    await MigrateAsync(app.Services, CancellationToken.None);
                }

                return false;
            default:
                await Console.Error.WriteLineAsync($"Unbekannter Befehl „{verb}“. Möglich: migrate, seed-demo, codegen, storage, describe (oder ohne Befehl: Webanwendung starten).");
                Environment.ExitCode = 2;
                return true;
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Identity first (the only EF Core store): modules may refer to users by id, never the other way round.
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync(cancellationToken);
        }

        // Every module's documents, their indexes and functions, Wolverine's envelope tables (schema wolverine) and
        // Hangfire's tables (schema hangfire): production never creates tables at first use.
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
        await services.GetRequiredService<IWolverineRuntime>().Storage.Admin.MigrateAsync(JasperFx.AutoCreate.CreateOrUpdate);
        await JobsSchema.MigrateAsync(services, cancellationToken);
    }

    /// <summary>
    /// Demo seeders publish what other modules learn from their data through the outbox (Volunteers' confirmed visit logs
    /// reach Compensation), which needs Wolverine running; the web app itself (Kestrel, Hangfire) is not started. Stopping
    /// hands messages not yet handled back to the durable store, where the next Host picks them up.
    /// </summary>
    private static async Task SeedWithMessagingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var messaging = (IHostedService)services.GetRequiredService<IWolverineRuntime>();
        await messaging.StartAsync(cancellationToken);
        try
        {
            await SeedDemoDataAsync(services, cancellationToken);
        }
        finally
        {
            await messaging.StopAsync(cancellationToken);
        }
    }

    public static async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var messaging = services.GetRequiredService<IWolverineRuntime>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
            await UntilMessagesHandledAsync(messaging, cancellationToken);
        }
    }

    /// <summary>
    /// A later seeder builds on what the earlier ones' messages did in other modules (Volunteers' confirmed logs become
    /// Compensation's accruals, its registrations payees), as events would in real life. Without waiting, the two
    /// write the same documents at once and the demo depends on timing. A handler that keeps failing does not stop the
    /// seeding: after the timeout it goes on and the message stays for the Host.
    /// </summary>
    private static async Task UntilMessagesHandledAsync(IWolverineRuntime messaging, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var counts = await messaging.Storage.Admin.FetchCountsAsync();
            if (counts.Incoming == 0 && counts.Outgoing == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
