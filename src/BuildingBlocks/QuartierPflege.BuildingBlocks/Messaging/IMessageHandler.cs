using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>
/// Handles one kind of message inside the consuming module. It runs in that module's transaction (the scoped
/// DbContext it gets injected is already in it); saving is optional, the relay saves and commits with the inbox entry.
/// Throwing rolls everything back and the message is retried later.
/// </summary>
public interface IMessageHandler<in TMessage>
    where TMessage : class, IIntegrationMessage
{
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
