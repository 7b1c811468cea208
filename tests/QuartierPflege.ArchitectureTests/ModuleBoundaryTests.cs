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
    public void Inside_a_module_only_the_registration_entry_point_is_public()
    {
        var violations = Solution.Modules
            .SelectMany(m => m.Implementation.GetExportedTypes()
                .Where(t => t.FullName != $"QuartierPflege.{m.Module}.{m.Module}Module")
                .Select(t => t.FullName!))
            .ToList();

        Assert.True(violations.Count == 0, "Public types inside modules (make them internal):\n" + string.Join("\n", violations));
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
