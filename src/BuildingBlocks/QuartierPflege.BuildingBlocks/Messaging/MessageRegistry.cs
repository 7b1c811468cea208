using System.Text.Json;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>
/// The explicit list of message types (by their stable wire names) and who handles them. Built from the registrations
/// of all modules at start-up; nothing is found by scanning type names.
/// </summary>
public sealed class MessageRegistry
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscriptions = [];

    public IReadOnlyCollection<string> Names => _types.Keys;

    public IReadOnlyList<Subscription> Subscriptions => _subscriptions;

    public void AddType<TMessage>()
        where TMessage : class, IIntegrationMessage
    {
        var name = TMessage.MessageName;
        if (_types.TryGetValue(name, out var existing) && existing != typeof(TMessage))
        {
            throw new InvalidOperationException($"Message name '{name}' is used by both {existing} and {typeof(TMessage)}.");
        }

        _types[name] = typeof(TMessage);
    }

    public void AddSubscription(Subscription subscription)
    {
        if (_subscriptions.Any(s => s.MessageName == subscription.MessageName && s.HandlerName == subscription.HandlerName))
        {
            throw new InvalidOperationException($"{subscription.HandlerName} is subscribed to '{subscription.MessageName}' twice.");
        }

        _subscriptions.Add(subscription);
    }

    public IEnumerable<Subscription> SubscriptionsFor(string messageName)
        => _subscriptions.Where(s => s.MessageName == messageName);

    public bool IsKnown(string messageName) => _types.ContainsKey(messageName);

    public object Deserialize(string messageName, string payload)
        => JsonSerializer.Deserialize(payload, _types[messageName], MessageJson.Options)
           ?? throw new JsonException($"Payload of '{messageName}' is empty.");
}

/// <summary>A handler subscribed to a message, with the module (DbContext) whose transaction it runs in.</summary>
public sealed record Subscription(
    string MessageName,
    string HandlerName,
    Type ContextType,
    Func<IServiceProvider, object, CancellationToken, Task> Invoke);
