using System.Reflection;

namespace QuartierPflege.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    [Fact]
    public void A_module_references_other_modules_only_through_their_contracts()
    {
        var violations = Solution.Modules
            .SelectMany(m => Solution.ProductReferencesOf(m.Implementation)
                .Where(r => r != "QuartierPflege.BuildingBlocks" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(r => $"{m.Implementation.GetName().Name} → {r}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void A_contracts_project_depends_on_no_module_implementation_and_no_building_block_internals()
    {
        var violations = Solution.Modules
            .SelectMany(m => Solution.ProductReferencesOf(m.Contracts)
                .Where(r => !r.EndsWith(".Contracts", StringComparison.Ordinal) && r != "QuartierPflege.BuildingBlocks.Contracts")
                .Select(r => $"{m.Contracts.GetName().Name} → {r}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Building_blocks_know_no_module()
    {
        var references = Solution.ProductReferencesOf(Solution.BuildingBlocks).ToList();

        Assert.DoesNotContain(references, r => Solution.ModuleNames.Any(m => r.Contains(m, StringComparison.Ordinal)));
    }

    [Fact]
    public void Inside_a_module_only_the_registration_entry_point_and_Wolverine_handlers_are_public()
    {
        var violations = Solution.Modules
            .SelectMany(m => m.Implementation.GetExportedTypes()
                .Where(t => t.FullName != $"QuartierPflege.{m.Module}.{m.Module}Module")
                .Where(t => !HasHandlerShape(t))
                .Select(t => t.FullName!))
            .ToList();

        Assert.True(violations.Count == 0, "Public types inside modules (make them internal; Wolverine needs only its "
            + "handler types public: a public static or sealed class named ...Handler):\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Wolverine discovers only public handler types. Such a type is a top-level static or sealed class named
    /// <c>...Handler</c> whose public members use only public types (the message, Marten's sessions, public interfaces);
    /// its body may use the module's internals.
    /// </summary>
    internal static bool HasHandlerShape(Type type)
        => type is { IsClass: true, IsNested: false }
           && type.Name.EndsWith("Handler", StringComparison.Ordinal)
           && type.IsSealed
           && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
               .All(method => IsVisible(method.ReturnType) && method.GetParameters().All(p => IsVisible(p.ParameterType)));

    private static bool IsVisible(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        return element.IsGenericParameter || (element.IsVisible && element.GetGenericArguments().All(IsVisible));
    }

    [Fact]
    public void Every_module_has_its_registration_entry_points()
    {
        foreach (var (module, implementation, _) in Solution.Modules)
        {
            var entry = implementation.GetType($"QuartierPflege.{module}.{module}Module", throwOnError: true)!;
            Assert.NotNull(entry.GetMethod($"Add{module}"));
            Assert.NotNull(entry.GetMethod($"Map{module}"));
        }
    }
}
