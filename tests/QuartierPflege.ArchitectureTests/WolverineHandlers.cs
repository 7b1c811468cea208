using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Configuration;

namespace QuartierPflege.ArchitectureTests;

/// <summary>The handler methods Wolverine finds in the composed Host, by Wolverine's own discovery rules.</summary>
internal static class WolverineHandlers
{
    private static readonly Lazy<IReadOnlyList<(Type Handler, MethodInfo Method)>> Calls = new(Discover);

    public static IReadOnlyList<(Type Handler, MethodInfo Method)> All => Calls.Value;

    /// <summary>Wolverine's convention: the message is the handler method's first parameter.</summary>
    public static Type MessageTypeOf(MethodInfo method) => method.GetParameters()[0].ParameterType;

    private static IReadOnlyList<(Type, MethodInfo)> Discover()
    {
        // Resolving the options applies every module's ConfigureWolverine (discovery of its assembly).
        var options = ComposedHost.Services.GetRequiredService<WolverineOptions>();

        // Wolverine builds its handler graph only when it starts (which needs the database). Its discovery step is
        // internal; calling it keeps these rules on Wolverine's real conventions instead of a copy of them.
        var findCalls = typeof(HandlerDiscovery).GetMethod("FindCalls", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(WolverineOptions)])
            ?? throw new InvalidOperationException(
                "Wolverine's HandlerDiscovery.FindCalls(WolverineOptions) is gone (new Wolverine version?): adapt WolverineHandlers.Discover.");
        return (((Type, MethodInfo)[])findCalls.Invoke(options.Discovery, [options])!).ToList();
    }
}
