using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.Volunteers.Documents;

/// <summary>
/// The module's documents in the product's one Marten store, in schema <c>volunteers</c>. Each document type the module
/// gets is registered here: <c>o.Schema.For&lt;T&gt;().DatabaseSchemaName(SchemaName)</c>.
/// </summary>
internal static class VolunteersDocuments
{
    public const string SchemaName = "volunteers";

    public static IServiceCollection AddVolunteersDocuments(this IServiceCollection services)
        => services.ConfigureMarten(_ => { });
}
