using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.Quartiere.List;

/// <summary>The module's documents in the product's one Marten store, in schema <c>quartiere</c>.</summary>
internal static class QuartiereDocuments
{
    public const string SchemaName = "quartiere";

    public static IServiceCollection AddQuartiereDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o => o.Schema.For<Quartier>()
            .DatabaseSchemaName(SchemaName)
            .UseNumericRevisions(true));
}
