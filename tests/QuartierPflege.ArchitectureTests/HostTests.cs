using Microsoft.EntityFrameworkCore;

namespace QuartierPflege.ArchitectureTests;

/// <summary>The Host composes; it holds no business logic (that lives in the modules).</summary>
public sealed class HostTests
{
    private static readonly string[] AllowedNamespaces =
    [
        "QuartierPflege.Host.Composition",
        "QuartierPflege.Host.Identity",
        "QuartierPflege.Host.Shell",
        "QuartierPflege.Host.Health",
        "QuartierPflege.Host.Administration",
        "QuartierPflege.Host.Pages",
        "QuartierPflege.Host.Migrations",
        "QuartierPflege.Host",
        "AspNetCoreGeneratedDocument",
        "Microsoft.AspNetCore",
        "Microsoft.CodeAnalysis",
        // JasperFx's source generator (a dependency of Marten and Wolverine) writes an event-model manifest into every
        // assembly that references it; it is generated, not product logic.
        "JasperFx.Generated",
        "System.Runtime.CompilerServices",
        "System.Text.RegularExpressions.Generated",
    ];

    [Fact]
    public void The_host_holds_only_composition_sign_in_and_the_UI_shell()
    {
        var strays = Solution.Host.GetTypes()
            .Where(t => !t.Name.StartsWith('<'))
            .Where(t => t.Namespace is { } name && !AllowedNamespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(strays.Count == 0, "Types in the Host outside composition, identity and shell:\n" + string.Join("\n", strays));
    }

    [Fact]
    public void The_only_database_context_in_the_host_is_the_sign_in_store()
    {
        var contexts = Solution.Host.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).Select(t => t.Name).ToList();

        Assert.Equal(["IdentityDb"], contexts);
    }

    [Fact]
    public void The_host_uses_modules_only_through_their_registration_entry_points()
    {
        var moduleTypesUsed = Solution.Host.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static |
                                         System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Select(f => f.FieldType))
            .Where(t => Solution.ModuleNames.Any(m => t.Namespace?.StartsWith($"QuartierPflege.{m}", StringComparison.Ordinal) == true))
            .Select(t => t.FullName)
            .Distinct()
            .ToList();

        Assert.Empty(moduleTypesUsed);
    }
}
