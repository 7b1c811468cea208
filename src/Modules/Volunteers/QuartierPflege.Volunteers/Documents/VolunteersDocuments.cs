using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.Volunteers.DataProtection;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Documents;

/// <summary>The module's documents in the product's one Marten store, in schema <c>volunteers</c>.</summary>
internal static class VolunteersDocuments
{
    public const string SchemaName = "volunteers";

    public const string Volunteers = SchemaName + ".mt_doc_volunteer";

    public const string Assignments = SchemaName + ".mt_doc_assignment";

    public const string MatchCandidates = SchemaName + ".mt_doc_match_candidate";

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
            // Matching ranks the candidates of one role in a few Quartiere from these columns alone.
            o.Schema.For<MatchCandidate>().DatabaseSchemaName(SchemaName).DocumentAlias("match_candidate")
                .Duplicate(c => c.VolunteerId).Duplicate(c => c.RoleProfileKey).Duplicate(c => c.Quartier).Duplicate(c => c.LastName)
                .Duplicate(c => c.AvailabilityMask, pgType: "integer");
            o.Listeners.Add(new MatchCandidateListener());
            o.Schema.For<Certificate>().DatabaseSchemaName(SchemaName).Duplicate(c => c.VolunteerId).Duplicate(c => c.ExpiresOn!);
            o.Schema.For<ExpiryWarning>().DatabaseSchemaName(SchemaName);
            o.Schema.For<TrainingSession>().DatabaseSchemaName(SchemaName);
            o.Schema.For<HelpRequest>().DatabaseSchemaName(SchemaName).Duplicate(r => r.CaseId);
            o.Schema.For<Assignment>().DatabaseSchemaName(SchemaName).Duplicate(a => a.VolunteerId).Duplicate(a => a.CaseId).Duplicate(a => a.RequestId);
            o.Schema.For<ActivityLog>().DatabaseSchemaName(SchemaName)
                .Duplicate(l => l.VolunteerId).Duplicate(l => l.Date);
            o.Schema.For<VolunteerReadAudit>().DatabaseSchemaName(SchemaName).DocumentAlias("volunteer_read_audit").Duplicate(a => a.VolunteerId);
            // Read logs: the database refuses updates, and deletes outside the retention sweep.
            o.MakeAppendOnly<VolunteerReadAudit>(SchemaName, "volunteer_read_audit");
        });
}

/// <summary>
/// Keeps <see cref="MatchCandidate"/> rows in step with every volunteer saved in a session, in the same commit: a row per
/// active role, none for roles no longer active (or a volunteer no longer confirmed). Bulk inserts bypass it (the
/// benchmark writes the rows itself).
/// </summary>
internal sealed class MatchCandidateListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var volunteer in session.PendingChanges.AllChangedFor<Volunteer>().ToList())
        {
            var rows = MatchCandidate.For(volunteer);
            var keep = rows.Select(r => r.Id).ToArray();
            var volunteerId = volunteer.Id;
            session.DeleteWhere<MatchCandidate>(c => c.VolunteerId == volunteerId && !keep.Contains(c.Id));
            foreach (var row in rows)
            {
                session.Store(row);
            }
        }

        return Task.CompletedTask;
    }
}
