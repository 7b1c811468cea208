using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Documents;

/// <summary>The module's documents in the product's one Marten store, in schema <c>volunteers</c>.</summary>
internal static class VolunteersDocuments
{
    public const string SchemaName = "volunteers";

    public static IServiceCollection AddVolunteersDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            o.Schema.For<RoleProfile>().DatabaseSchemaName(SchemaName);
            o.Schema.For<GuidanceFile>().DatabaseSchemaName(SchemaName).Duplicate(f => f.RoleProfileKey);
            o.Schema.For<CourseType>().DatabaseSchemaName(SchemaName);
            // Matching filters on Quartier and active roles; sign-in finds a volunteer by account, registration by e-mail.
            o.Schema.For<Volunteer>().DatabaseSchemaName(SchemaName)
                .Duplicate(v => v.Quartier).Duplicate(v => v.UserId!).UniqueIndex(v => v.Email).GinIndexJsonData();
            // The daily expiry check reads certificates by expiry date.
            o.Schema.For<Certificate>().DatabaseSchemaName(SchemaName).Duplicate(c => c.VolunteerId).Duplicate(c => c.ExpiresOn!);
            o.Schema.For<ExpiryWarning>().DatabaseSchemaName(SchemaName);
            o.Schema.For<TrainingSession>().DatabaseSchemaName(SchemaName);
            o.Schema.For<HelpRequest>().DatabaseSchemaName(SchemaName).Duplicate(r => r.CaseId);
            o.Schema.For<Assignment>().DatabaseSchemaName(SchemaName).Duplicate(a => a.VolunteerId).Duplicate(a => a.CaseId).Duplicate(a => a.RequestId);
            o.Schema.For<ActivityLog>().DatabaseSchemaName(SchemaName)
                .Duplicate(l => l.VolunteerId).Duplicate(l => l.Date);
        });
}
