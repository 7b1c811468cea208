using System.Reflection;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using QuartierPflege.BuildingBlocks.Documents;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Util;

namespace QuartierPflege.BuildingBlocks.Bus;

/// <summary>
/// Wolverine as the product's message bus: in-process durable local queues whose envelopes are stored in PostgreSQL
/// (schema <c>wolverine</c>) in the same transaction as the documents; each handler of a message in its own queue and
/// transaction; retries with cooldown, then dead letters.
/// </summary>
public static class MessagingSetup
{
    public static WebApplicationBuilder AddQuartierPflegeMessaging(this WebApplicationBuilder builder, Assembly applicationAssembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WolverineMessageNaming.InsertFirst<IntegrationMessageNaming>();
        var settings = builder.Configuration.GetSection(MessagingSettings.Section).Get<MessagingSettings>() ?? new MessagingSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<MessageAdministration>();
        builder.Host.UseWolverine(opts =>
        {
            // Else the first module assembly is "adopted" as the application and its generated code is missed.
            opts.ApplicationAssembly = applicationAssembly;
            opts.ServiceName = "QuartierPflege";
            opts.Durability.MessageStorageSchemaName = MartenSetup.WolverineSchema;
            opts.AutoBuildMessageStorageOnStartup = MartenSetup.SchemaCreation(builder.Configuration);
            opts.Durability.StaleNodeTimeout = settings.StaleNodeTimeout;
            opts.Durability.HealthCheckPollingTime = settings.HealthCheckPollingTime;
            opts.Durability.ScheduledJobPollingTime = settings.ScheduledJobPollingTime;
            opts.Durability.KeepAfterMessageHandling = settings.KeepHandledMessagesFor;

            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.AllLocalQueues(q => q.MaximumParallelMessages(settings.ParallelMessagesPerQueue));
            opts.UseSystemTextJsonForSerialization(j => j.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
            opts.OnException<Exception>().RetryWithCooldown([.. settings.EffectiveRetryCooldowns]).Then.MoveToErrorQueue();

            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        return builder;
    }
}
