using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire's tables; <c>Host migrate</c> creates them (<see cref="JobsSchema"/>).</summary>
    public const string SchemaName = "hangfire";

    /// <summary>An optional connection string only for Hangfire; without it Hangfire uses the product's.</summary>
    public const string ConnectionStringName = "Hangfire";

    /// <summary>
    /// Hangfire on PostgreSQL (schema <c>hangfire</c>), the recurring jobs of the Host and the modules, the jobs page's
    /// monitor; called once by the Host. With <c>Jobs:ServerEnabled=false</c> this process runs no Hangfire server.
    /// </summary>
    /// <remarks>
    /// Hangfire keeps its storage, activator and filters in statics (<c>JobStorage.Current</c>, <c>JobActivator.Current</c>,
    /// <c>GlobalJobFilters</c>). Everything that runs jobs here is taken from DI instead, so that two Hosts in one process
    /// (tests) never run each other's jobs or use each other's database.
    /// </remarks>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.TryAddSingleton<ScheduledJobCatalog>();
        services.TryAddScoped<ScheduledCommandJob>();
        // A factory because the monitor is public (the Host's page uses it) and the catalog is not.
        services.TryAddSingleton(sp => new JobMonitor(
            sp.GetRequiredService<ScheduledJobCatalog>(), sp.GetRequiredService<JobStorage>(),
            sp.GetRequiredService<IRecurringJobManagerV2>(), sp.GetRequiredService<IOptions<JobsOptions>>()));
        services.AddSingleton(new JobStorageSettings(ConnectionStringOf(configuration), configuration.GetValue<bool>("Database:CreateSchemaAtStartup")));
        services.TryAddSingleton<JobStorage, QuartierPflegeJobStorage>();
        services.TryAddSingleton<JobActivator, AspNetCoreJobActivator>();
        services.TryAddSingleton<IJobFilterProvider, ScheduledJobFilters>();
        services.AddHangfire((provider, c) => c
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Also in a Host without a server: the schedule lives in the database, and any Host's server runs it.
        services.AddHostedService<RecurringJobRegistration>();

        // Read now rather than through IOptions: whether a server is registered at all depends on it.
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (options.ServerEnabled)
        {
            services.AddHangfireServer((provider, server) =>
            {
                var settings = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = settings.WorkerCount;
                server.SchedulePollingInterval = settings.SchedulePollingInterval;
                server.Activator = provider.GetRequiredService<JobActivator>();
                server.FilterProvider = provider.GetRequiredService<IJobFilterProvider>();
            });
        }

        return services;
    }

    /// <summary>
    /// Sends <typeparamref name="TCommand"/> on a cron schedule: Hangfire's 5-field syntax, always in Europe/Berlin
    /// (<c>"0 7 * * *"</c> is daily at 07:00 German time, summer or winter). The job only builds the command with
    /// <paramref name="create"/> and sends it with Wolverine to its durable local queue; the command's handler does the
    /// work and must be idempotent (a run can repeat after a crash or a retry, and "Jetzt ausführen" comes on top of the
    /// schedule).
    /// </summary>
    /// <param name="key">Stable (Hangfire's recurring job id), e.g. <c>"case-management.send-follow-up-reminders"</c>; renaming it makes a new job.</param>
    /// <param name="description">German, shown on the jobs page.</param>
    /// <param name="create">Builds the command from the clock, e.g. <c>clock =&gt; new CheckTrainingExpiry(Guid.NewGuid(), default, clock.Today())</c>.</param>
    public static IServiceCollection AddScheduledCommand<TCommand>(
        this IServiceCollection services, string key, string cron, string description, Func<IClock, TCommand> create)
        where TCommand : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(create);
        if (cron is null || cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5 || !IsHangfireCron(cron))
        {
            throw new ArgumentException(
                $"'{cron}' is not a cron expression in Hangfire's 5-field syntax (minute hour day-of-month month day-of-week), e.g. \"0 7 * * *\".",
                nameof(cron));
        }

        services.AddSingleton(new ScheduledJob(key, cron, description, typeof(TCommand), clock => create(clock)));
        return services;
    }

    /// <summary>Parsed as Hangfire parses it (Cronos, standard 5-field format), so a typo fails at start-up, not at 07:00.</summary>
    private static bool IsHangfireCron(string cron) => Cronos.CronExpression.TryParse(cron, Cronos.CronFormat.Standard, out _);

    private static string ConnectionStringOf(IConfiguration configuration)
    {
        var own = configuration.GetConnectionString(ConnectionStringName);
        var connectionString = string.IsNullOrWhiteSpace(own) ? configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName) : own;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{DatabaseRegistration.ConnectionStringName}' is missing (set ConnectionStrings__{DatabaseRegistration.ConnectionStringName}).");
        }

        return connectionString;
    }
}

/// <summary>Where Hangfire's storage is and whether it may create its tables itself (tests on empty databases).</summary>
internal sealed record JobStorageSettings(string ConnectionString, bool CreateSchemaAtStartup);

/// <summary>
/// Hangfire's PostgreSQL storage with its own connection string: a plain Npgsql connection, not the product's data
/// source with NodaTime mappings (Hangfire reads and writes <see cref="DateTime"/>).
/// </summary>
internal sealed class QuartierPflegeJobStorage : PostgreSqlStorage
{
    public QuartierPflegeJobStorage(JobStorageSettings settings, IOptions<JobsOptions> options)
        : this(settings.ConnectionString, new PostgreSqlStorageOptions
        {
            SchemaName = JobsRegistration.SchemaName,
            // Off in production: Host migrate creates the tables, nothing is created at first use.
            PrepareSchemaIfNecessary = settings.CreateSchemaAtStartup,
            QueuePollInterval = options.Value.QueuePollInterval,
        })
    {
    }

    private QuartierPflegeJobStorage(string connectionString, PostgreSqlStorageOptions options)
        : base(new NpgsqlConnectionFactory(connectionString, options), options)
    {
    }
}
