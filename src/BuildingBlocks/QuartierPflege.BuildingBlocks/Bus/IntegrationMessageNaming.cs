using System.Reflection;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using Wolverine.Util;

namespace QuartierPflege.BuildingBlocks.Bus;

/// <summary>
/// Wolverine names a message by its wire name (<c>case-management.referral-requested.v1</c>, from the contract type's
/// <see cref="IIntegrationMessage.MessageName"/>), never by its CLR name: renaming or moving a contract type breaks
/// nothing that is stored or in flight.
/// </summary>
internal sealed class IntegrationMessageNaming : IMessageTypeNaming
{
    public bool TryDetermineName(Type messageType, out string messageTypeName)
    {
        messageTypeName = default!;
        if (!messageType.IsClass || messageType.IsAbstract || !typeof(IIntegrationMessage).IsAssignableFrom(messageType))
        {
            return false;
        }

        messageTypeName = WireName(messageType);
        return true;
    }

    /// <summary>The static abstract <c>MessageName</c> of a concrete contract type.</summary>
    public static string WireName(Type messageType)
    {
        var map = messageType.GetInterfaceMap(typeof(IIntegrationMessage));
        for (var i = 0; i < map.InterfaceMethods.Length; i++)
        {
            if (map.InterfaceMethods[i].Name == $"get_{nameof(IIntegrationMessage.MessageName)}")
            {
                return (string)map.TargetMethods[i].Invoke(null, null)!;
            }
        }

        throw new InvalidOperationException($"{messageType} does not state its wire name.");
    }

    public static IEnumerable<Type> ContractTypesIn(Assembly assembly)
        => assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationMessage).IsAssignableFrom(t));
}
