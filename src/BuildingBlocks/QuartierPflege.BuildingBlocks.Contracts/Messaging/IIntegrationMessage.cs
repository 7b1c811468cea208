using NodaTime;

namespace QuartierPflege.BuildingBlocks.Contracts.Messaging;

/// <summary>
/// An event or command that crosses module boundaries. Every message carries its id and when it happened, and its
/// type states its stable wire name (<c>"volunteers.training-expiring.v1"</c>): renaming the C# type never changes
/// what is stored or sent. See shared/MESSAGES.md for the catalogue.
/// </summary>
public interface IIntegrationMessage
{
    static abstract string MessageName { get; }

    Guid MessageId { get; }

    Instant OccurredAt { get; }
}
