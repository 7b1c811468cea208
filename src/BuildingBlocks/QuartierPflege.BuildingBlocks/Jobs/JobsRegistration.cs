using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Quartz;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Jobs;

public static class JobsRegistration
{
    /// <summary>Quartz tables live in the schema "quartz", which the <see cref="JobsDbContext"/> migration creates.</summary>
    private const string TablePrefix = JobsDbContext.SchemaName + ".qrtz_";

    /// <summary>
    /// The clustered Quartz scheduler on the product's database, the job schema and the admin monitor; called once by
    /// the Host. With <c>Jobs:SchedulerEnabled=false</c> no scheduler runs in this process (the schema is still migrated).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<JobsDbContext>(JobsDbContext.SchemaName);
        services.TryAddSingleton<ScheduledJobCatalog>();
        services.TryAddSingleton<JobRunLog>();

        // Read now rather than through IOptions: whether Quartz is registered at all depends on it.
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (!options.SchedulerEnabled)
        {
            services.TryAddSingleton(sp => new JobMonitor(sp.GetRequiredService<ScheduledJobCatalog>(), sp.GetRequiredService<JobRunLog>(), null));
            return services;
        }

        var connectionString = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{DatabaseRegistration.ConnectionStringName}' is missing (set ConnectionStrings__{DatabaseRegistration.ConnectionStringName}).");
        }

        AddClusteredScheduler(services, connectionString, options);
        services.TryAddSingleton(sp => new JobMonitor(
            sp.GetRequiredService<ScheduledJobCatalog>(), sp.GetRequiredService<JobRunLog>(), sp.GetRequiredService<ISchedulerFactory>()));
        return services;
    }

    private static void AddClusteredScheduler(IServiceCollection services, string connectionString, JobsOptions options)
    {
        services.AddQuartz(quartz =>
        {
            // Quartz keeps real time even where the product's clock is a test's fake one: nodes compare their check-in
            // and fire times with each other, and those must not jump when a test moves the clock.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.ConfigureScheduler(scheduler =>
            {
                // One name for every Host: the name is what makes the schedulers one cluster.
                scheduler.InstanceName = "quartierpflege";
                scheduler.GenerateInstanceId = true;
                scheduler.IdleWaitTime = options.IdleWaitTime;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleSynchronizer>();
    }

    /// <summary>
    /// Sends <typeparamref name="TCommand"/> on a cron schedule (Europe/Berlin, Quartz syntax with seconds:
    /// <c>"0 0 7 * * ?"</c> is daily at 07:00). The job only builds the command with <paramref name="command"/> and puts
    /// it into the outbox of <typeparamref name="TContext"/>; the command's handler does the work and must be idempotent
    /// (a run can repeat after a crash, and "Jetzt ausführen" can come on top of the schedule).
    /// </summary>
    /// <param name="jobKey">Stable key, e.g. <c>"case-management.send-follow-up-reminders"</c>; renaming it makes a new job.</param>
    /// <param name="description">German, shown on the admin page.</param>
    /// <param name="command">Builds the command from the clock, e.g. <c>clock =&gt; new CheckTrainingExpiry(Guid.NewGuid(), default, clock.Today())</c>.</param>
    public static IServiceCollection AddScheduledCommand<TContext, TCommand>(
        this IServiceCollection services, string jobKey, string cron, string description, Func<IClock, TCommand> command)
        where TContext : ModuleDbContext
        where TCommand : class, IIntegrationMessage
    {
        ArgumentNullException.ThrowIfNull(command);
        services.AddMessageType<TCommand>();
        return services.AddScheduledJob(jobKey, cron, description, async (provider, cancellationToken) =>
        {
            var db = provider.GetRequiredService<TContext>();
            db.Publish(command(provider.GetRequiredService<IClock>()));
            await db.SaveChangesAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Transitional (Case Management on Wolverine before the jobs move to Hangfire): the Hangfire-style signature with a
    /// 5-field cron, run by Quartz, sending the command through Wolverine. The jobs engineer's Hangfire version replaces it.
    /// </summary>
    public static IServiceCollection AddScheduledCommand<TCommand>(
        this IServiceCollection services, string key, string cron, string description, Func<IClock, TCommand> create)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(create);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new ArgumentException($"'{cron}' is not a 5-field cron expression (minute hour day-of-month month day-of-week).", nameof(cron));
        }

        // Quartz has seconds first and wants "?" in one of the two day fields.
        var quartz = fields[4] == "*" ? $"0 {fields[0]} {fields[1]} {fields[2]} {fields[3]} ?" : $"0 {fields[0]} {fields[1]} ? {fields[3]} {fields[4]}";
        return services.AddScheduledJob(key, quartz, description, async (provider, cancellationToken) =>
            await provider.GetRequiredService<Wolverine.IMessageBus>().SendAsync(create(provider.GetRequiredService<IClock>())));
    }

    /// <summary>A job that does its work itself; only for building blocks, which own no module outbox to send a command to.</summary>
    internal static IServiceCollection AddScheduledJob(
        this IServiceCollection services, string jobKey, string cron, string description, Func<IServiceProvider, CancellationToken, Task> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week).", nameof(cron));
        }

        services.AddSingleton(new ScheduledJob(jobKey, cron, description, run));
        return services;
    }
}
