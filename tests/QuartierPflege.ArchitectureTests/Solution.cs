using System.Reflection;

namespace QuartierPflege.ArchitectureTests;

/// <summary>The product's assemblies, found through the Host (which references every module).</summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["CaseManagement", "Volunteers", "Compensation", "Partners", "Notifications", "Quartiere", "DataProtection"];

    public static Assembly Host { get; } = typeof(Program).Assembly;

    public static Assembly BuildingBlocks { get; } = Load("QuartierPflege.BuildingBlocks");

    public static IEnumerable<(string Module, Assembly Implementation, Assembly Contracts)> Modules
        => ModuleNames.Select(m => (m, Load($"QuartierPflege.{m}"), Load($"QuartierPflege.{m}.Contracts")));

    public static IEnumerable<string> ProductReferencesOf(Assembly assembly)
        => assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("QuartierPflege.", StringComparison.Ordinal));

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
