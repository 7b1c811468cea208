using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.Testing;
using Wolverine.Runtime;

namespace QuartierPflege.Host.Tests.Administration;

/// <summary>
/// Every integration message of every module's <c>.Contracts</c>: handled by the running Host, named on the wire once,
/// and named in German for the admin page. A message published without a handler cannot ship.
/// </summary>
public sealed partial class MessageContractsTests(QpApp app) : IClassFixture<QpApp>
{
    /// <summary>
    /// Messages whose consumer is a module not built yet (shared/MESSAGES.md), with that module. This list must shrink to
    /// empty as the modules land: an entry whose message now has a handler fails the test too.
    /// </summary>
    private static readonly Dictionary<string, string> ConsumedByModulesNotBuiltYet = new(StringComparer.Ordinal)
    {
        ["compensation.payout-run-prepared.v1"] = "Notifications (Mail an Finanzen)",
        // No consumer in shared/MESSAGES.md yet ("—"): published for modules to come (reporting, data protection).
        ["compensation.payout-run-paid.v1"] = "—",
    };

    public static TheoryData<string> ContractTypeNames()
    {
        var names = new TheoryData<string>();
        foreach (var type in ContractTypes())
        {
            names.Add(type.FullName!);
        }

        return names;
    }

    [Fact]
    public void Every_published_message_type_has_a_handler_in_the_running_Host()
    {
        var handlers = ((WolverineRuntime)app.Services.GetRequiredService<IWolverineRuntime>()).Handlers;

        var missing = ContractTypes()
            .Where(t => !handlers.CanHandle(t) && !ConsumedByModulesNotBuiltYet.ContainsKey(MessageCatalogue.WireNameOf(t)))
            .Select(t => $"{MessageCatalogue.WireNameOf(t)} ({t.FullName})")
            .Order(StringComparer.Ordinal)
            .ToList();
        var stale = ContractTypes()
            .Where(t => handlers.CanHandle(t) && ConsumedByModulesNotBuiltYet.ContainsKey(MessageCatalogue.WireNameOf(t)))
            .Select(MessageCatalogue.WireNameOf)
            .ToList();

        Assert.True(missing.Count == 0,
            $"No handler in the Host for {missing.Count} message type(s) (nobody would receive them):{Environment.NewLine}  "
            + string.Join($"{Environment.NewLine}  ", missing));
        Assert.True(stale.Count == 0,
            $"Handled now, remove from {nameof(ConsumedByModulesNotBuiltYet)}: {string.Join(", ", stale)}");
    }

    [Fact]
    public void The_list_of_messages_for_modules_not_built_yet_names_only_existing_contract_types()
    {
        var wireNames = ContractTypes().Select(MessageCatalogue.WireNameOf).ToHashSet(StringComparer.Ordinal);

        Assert.All(ConsumedByModulesNotBuiltYet.Keys, name => Assert.Contains(name, wireNames));
    }

    [Fact]
    public void Wire_names_are_unique_and_start_with_the_publishing_module()
    {
        var types = ContractTypes();
        Assert.NotEmpty(types);

        var duplicates = types.GroupBy(MessageCatalogue.WireNameOf).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.All(types, t =>
        {
            var name = MessageCatalogue.WireNameOf(t);
            Assert.Matches(WireNamePattern(), name);
            var module = t.Assembly.GetName().Name!.Split('.')[1];
            Assert.Equal(ModulePrefix(module), name[..name.IndexOf('.', StringComparison.Ordinal)]);
        });
    }

    [Theory]
    [MemberData(nameof(ContractTypeNames))]
    public void Every_contract_type_has_a_German_name_in_the_catalogue(string typeName)
    {
        var type = ContractTypes().Single(t => t.FullName == typeName);
        var wireName = MessageCatalogue.WireNameOf(type);

        Assert.True(MessageCatalogue.Contains(wireName), $"{wireName} ({typeName}) has no German name in {nameof(MessageCatalogue)}.");
        var description = MessageCatalogue.Describe(wireName);
        Assert.NotEqual(wireName, description.Kind);
        Assert.DoesNotContain(".", description.Module, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("case-management.referral-requested.v1", "Überweisung an einen Partner angefragt", "Fallmanagement")]
    [InlineData("notifications.send-mail.v1", "E-Mail senden", "Benachrichtigungen")]
    [InlineData("partners.referral-accepted.v1", "Überweisung vom Partner angenommen", "Netzwerkpartner")]
    [InlineData("volunteers.helpers-proposed.v1", "Helferinnen und Helfer vorgeschlagen", "Ehrenamt")]
    public void Messages_are_described_in_German(string wireName, string kind, string module)
    {
        var description = MessageCatalogue.Describe(wireName);

        Assert.True(description.Known);
        Assert.Equal(kind, description.Kind);
        Assert.Equal(module, description.Module);
    }

    [Fact]
    public void An_unknown_message_is_shown_by_its_wire_name()
    {
        var description = MessageCatalogue.Describe("probe.happened.v1");

        Assert.False(description.Known);
        Assert.Equal("probe.happened.v1", description.Kind);
        Assert.Equal("probe", description.Module);
    }

    /// <summary>The concrete <c>IIntegrationMessage</c> types of every <c>QuartierPflege.*.Contracts</c> assembly beside the Host.</summary>
    private static List<Type> ContractTypes()
        => [.. Directory.GetFiles(AppContext.BaseDirectory, "QuartierPflege.*.Contracts.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("QuartierPflege.BuildingBlocks.", StringComparison.Ordinal))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(MessageCatalogue.ContractTypesIn)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    private static string ModulePrefix(string module) => KebabCase().Replace(module, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[0-9]+$")]
    private static partial Regex WireNamePattern();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabCase();
}
