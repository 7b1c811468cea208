using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Messaging;

public static class MessagingRegistration
{
    /// <summary>The relay, the dispatcher and the monitor; called once by the Host.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section));
        Registry(services);
        services.TryAddSingleton<MessageDispatcher>();
        services.TryAddSingleton<MessageMonitor>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>Makes a message type known by its wire name (publishers and consumers both register it).</summary>
    public static IServiceCollection AddMessageType<TMessage>(this IServiceCollection services)
        where TMessage : class, IIntegrationMessage
    {
        Registry(services).AddType<TMessage>();
        return services;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TMessage"/>; it runs in the transaction of the
    /// module's <typeparamref name="TContext"/>. The handler's name (its type's full name) keys the inbox, so renaming
    /// the class makes in-flight messages reach it again.
    /// </summary>
    public static IServiceCollection AddMessageHandler<TMessage, THandler, TContext>(this IServiceCollection services)
        where TMessage : class, IIntegrationMessage
        where THandler : class, IMessageHandler<TMessage>
        where TContext : ModuleDbContext
    {
        var registry = Registry(services);
        registry.AddType<TMessage>();
        registry.AddSubscription(new Subscription(
            TMessage.MessageName,
            typeof(THandler).FullName!,
            typeof(TContext),
            (provider, message, ct) => provider.GetRequiredService<THandler>().HandleAsync((TMessage)message, ct)));
        services.TryAddScoped<THandler>();
        return services;
    }

    private static MessageRegistry Registry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(MessageRegistry))?.ImplementationInstance is MessageRegistry existing)
        {
            return existing;
        }

        var registry = new MessageRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
