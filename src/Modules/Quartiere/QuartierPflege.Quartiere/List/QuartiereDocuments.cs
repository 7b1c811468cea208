using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.List;

/// <summary>The module's documents in the product's one Marten store, in schema <c>quartiere</c>.</summary>
internal static class QuartiereDocuments
{
    public const string SchemaName = "quartiere";

    public static IServiceCollection AddQuartiereDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            o.Schema.For<Quartier>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true);
            o.Schema.For<Survey>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true).Duplicate(x => x.Quartier).Duplicate(x => x.ClosesOn);
            o.Schema.For<SurveyAnswer>().DatabaseSchemaName(SchemaName).Duplicate(x => x.SurveyId);
            o.Schema.For<ForumMeeting>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true).Duplicate(x => x.Quartier);
            o.Schema.For<ResidentGroup>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true);
            o.Schema.For<Activity>().DatabaseSchemaName(SchemaName).UseNumericRevisions(true).Duplicate(x => x.Quartier);
        });
}
