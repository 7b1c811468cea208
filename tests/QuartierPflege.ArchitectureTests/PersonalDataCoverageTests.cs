using System.Collections;
using System.Reflection;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.ArchitectureTests;

/// <summary>
/// The record of processing activities (Art. 30) is generated from the modules' registers, so it is only true if every
/// type a module stores is declared: as a kind of personal data, or as holding none (with the reason).
/// </summary>
public sealed class PersonalDataCoverageTests
{
    [Fact]
    public void Every_stored_document_and_event_type_of_a_module_is_declared_in_its_modules_register()
    {
        var registers = ComposedHost.Services.GetServices<IPersonalDataRegister>().ToList();
        var declared = registers
            .SelectMany(r => r.Kinds.SelectMany(k => k.StoredTypes.Select(t => (Type: t, Register: r.Module, Personal: true, By: $"{r.Module}: {k.Key}")))
                .Concat(r.WithoutPersonalData.Select(w => (w.Type, Register: r.Module, Personal: false, By: $"{r.Module}: ohne personenbezogene Daten"))))
            .ToList();
        var stored = StoredTypes().Where(t => ModuleOf(t) is not null).ToList();

        // One document may hold several kinds of one module (a mail's body and its record keep different periods), but a
        // type belongs to one module, and it either holds personal data or it does not.
        var twice = declared.GroupBy(d => d.Type).Where(g => g.Select(d => d.Register).Distinct().Count() > 1 || g.Select(d => d.Personal).Distinct().Count() > 1)
            .Select(g => $"{g.Key.FullName} is declared more than once ({string.Join("; ", g.Select(d => d.By))})").ToList();
        var uncovered = stored.Where(t => declared.All(d => d.Type != t)).ToList();
        var missing = uncovered
            .Select(t => $"{t.FullName} ({ModuleOf(t)}) is stored but in no register: add it to a kind's StoredTypes or to WithoutPersonalData").ToList();
        var notStored = declared.Where(d => !stored.Contains(d.Type))
            .Select(d => $"{d.Type.FullName} is declared ({d.By}) but not stored in Marten (register it, or remove it from the register)").ToList();

        Assert.Contains(registers, r => r.Module == "Datenschutz");
        var problems = twice.Concat(missing).Concat(notStored).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string? ModuleOf(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        return Solution.ModuleNames.FirstOrDefault(m => assembly == $"QuartierPflege.{m}");
    }

    /// <summary>The document types and the event types the composed store knows (events through Marten's event graph).</summary>
    private static List<Type> StoredTypes()
    {
        var options = ComposedHost.Services.GetRequiredService<IDocumentStore>().Options;
        var documents = options.AllKnownDocumentTypes().Select(d => d.DocumentType);

        // The event graph's enumeration is not on the public options interface: read it as Marten keeps it.
        var graph = options.GetType().GetProperty("EventGraph", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(options)
            ?? throw new InvalidOperationException("Marten's StoreOptions.EventGraph is gone (new Marten version?): adapt StoredTypes.");
        var allEvents = graph.GetType().GetMethod("AllEvents", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)
            ?? throw new InvalidOperationException("Marten's EventGraph.AllEvents() is gone (new Marten version?): adapt StoredTypes.");
        var events = ((IEnumerable)allEvents.Invoke(graph, null)!).Cast<object>()
            .Select(e => (Type)(e.GetType().GetProperty("DocumentType")?.GetValue(e)
                ?? throw new InvalidOperationException("Marten's event mapping has no DocumentType (new Marten version?): adapt StoredTypes.")));

        return [.. documents.Concat(events).Distinct()];
    }
}
