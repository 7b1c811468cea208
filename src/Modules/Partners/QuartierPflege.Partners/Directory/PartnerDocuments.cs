using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

/// <summary>The module's documents in the product's one Marten store, in schema <c>partners</c>.</summary>
internal static class PartnerDocuments
{
    public const string SchemaName = "partners";

    public static IServiceCollection AddPartnerDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o => o.Schema.For<Partner>()
            .DatabaseSchemaName(SchemaName)
            // Names identify partners for people (and make the demo seeder idempotent): two with one name would confuse.
            .UniqueIndex(p => p.Name)
            // The directory filters on the category and Quartier lists: containment queries use this index.
            .GinIndexJsonData()
            .UseOptimisticConcurrency(true));
}
