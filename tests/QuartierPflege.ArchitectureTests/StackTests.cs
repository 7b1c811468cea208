using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.ArchitectureTests;

/// <summary>
/// The module boundaries hold for the stack too: a module's documents are in its own schema and assembly, its
/// Wolverine handlers are its own and talk in contracts.
/// </summary>
public sealed partial class StackTests
{
    [Fact]
    public void Every_document_in_the_store_lives_in_the_schema_of_the_module_that_defines_it()
    {
        var documents = ComposedHost.Services.GetRequiredService<IDocumentStore>().Options.AllKnownDocumentTypes();
        var modules = Solution.Modules.ToDictionary(m => SchemaOf(m.Module), m => m.Implementation);

        var violations = documents
            .Select(d => Violation(d.DocumentType, d.DatabaseSchemaName, modules))
            .OfType<string>()
            .ToList();

        // Partners' directory is on Marten: an empty list would mean the store's documents were not read at all.
        Assert.Contains(documents, d => d.DocumentType.Assembly.GetName().Name == "QuartierPflege.Partners");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static string? Violation(Type document, string schema, Dictionary<string, System.Reflection.Assembly> modules)
    {
        var assembly = document.Assembly.GetName().Name!;
        if (!assembly.StartsWith("QuartierPflege.", StringComparison.Ordinal))
        {
            // The stack's own documents (Wolverine registers its Envelope) belong in the stack's schemas, not a module's.
            return schema is "marten" or "wolverine" ? null : $"{document.FullName} ({assembly}) is in module schema '{schema}'";
        }

        if (!modules.TryGetValue(schema, out var owner))
        {
            return $"{document.FullName} is in schema '{schema}', which belongs to no module";
        }

        return document.Assembly == owner ? null : $"{document.FullName} is in schema '{schema}' but defined in {assembly}";
    }

    [Fact]
    public void Every_Wolverine_handler_lives_in_a_module_or_the_host()
    {
        var allowed = Solution.Modules.Select(m => m.Implementation).Append(Solution.Host).ToHashSet();

        var strays = WolverineHandlers.All
            .Where(call => !allowed.Contains(call.Handler.Assembly))
            .Select(call => $"{call.Handler.FullName}.{call.Method.Name} in {call.Handler.Assembly.GetName().Name}")
            .Distinct()
            .ToList();

        Assert.True(strays.Count == 0, "Handlers outside the modules and the Host:\n" + string.Join("\n", strays));
    }

    [Fact]
    public void A_module_handler_handles_only_messages_from_a_contracts_assembly()
    {
        var moduleAssemblies = Solution.Modules.Select(m => m.Implementation).ToHashSet();

        var violations = WolverineHandlers.All
            .Where(call => moduleAssemblies.Contains(call.Handler.Assembly))
            .Select(call => (call, message: WolverineHandlers.MessageTypeOf(call.Method)))
            .Where(x => x.message.Assembly.GetName().Name?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
            .Select(x => $"{x.call.Handler.FullName}.{x.call.Method.Name} handles {x.message.FullName} from {x.message.Assembly.GetName().Name}")
            .ToList();

        Assert.True(violations.Count == 0, "Module handlers must handle contract messages (a module's own commands go into its .Contracts):\n"
            + string.Join("\n", violations));
    }

    [Fact]
    public void A_public_handler_type_in_a_module_is_one_that_Wolverine_finds()
    {
        var found = WolverineHandlers.All.Select(call => call.Handler).ToHashSet();

        var unused = Solution.Modules
            .SelectMany(m => m.Implementation.GetExportedTypes())
            .Where(ModuleBoundaryTests.HasHandlerShape)
            .Where(t => !found.Contains(t))
            .Select(t => t.FullName!)
            .ToList();

        Assert.True(unused.Count == 0, "Public ...Handler types that Wolverine does not pick up (no Handle/HandleAsync/Consume "
            + "method, or their assembly is not included in discovery), so their messages would go unhandled:\n" + string.Join("\n", unused));
    }

    /// <summary>A module's schema is its name in snake case: CaseManagement → case_management.</summary>
    internal static string SchemaOf(string module) => UpperAfterLower().Replace(module, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
