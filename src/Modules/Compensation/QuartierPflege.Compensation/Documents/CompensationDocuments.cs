using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.Compensation.Documents;

/// <summary>
/// The module's documents in the product's one Marten store, in schema <c>compensation</c>. Each document type the module
/// gets is registered here: <c>o.Schema.For&lt;T&gt;().DatabaseSchemaName(SchemaName)</c>.
/// </summary>
internal static class CompensationDocuments
{
    public const string SchemaName = "compensation";

    public static IServiceCollection AddCompensationDocuments(this IServiceCollection services)
        => services.ConfigureMarten(_ => { });
}
