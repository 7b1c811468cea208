using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using Weasel.Core;
using Weasel.Postgresql;
using static Weasel.Postgresql.SchemaUtils;
using Weasel.Postgresql.Tables;

namespace QuartierPflege.CaseManagement.Persistence;

/// <summary>
/// The module's documents in schema <c>case_management</c> (tables <c>mt_doc_&lt;alias&gt;</c>). Every field a list filters
/// or sorts on is a duplicated, indexed column (column name: the member in snake case, e.g. <c>last_contact_on</c>);
/// hand-written SQL may use those columns and <c>data</c>. The Wege-Hilfe-Plan registers its own documents in
/// <see cref="PlanningDocuments"/>.
/// </summary>
internal static class CaseManagementDocuments
{
    public const string Schema = "case_management";

    public const string CaseNumberSequence = Schema + ".case_number_seq";

    /// <summary>Table names for hand-written SQL.</summary>
    public const string Cases = Schema + ".mt_doc_case";

    public const string Residents = Schema + ".mt_doc_resident";

    public const string FollowUps = Schema + ".mt_doc_follow_up";

    public const string AuditEntries = Schema + ".mt_doc_audit_entry";

    public static IServiceCollection AddCaseManagementDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            Configure(o);
            PlanningDocuments.Register(o, Schema);
        });

    private static void Configure(StoreOptions o)
    {
        // Both exist before the first document table: `Host migrate` creates them with the rest of the schema.
        o.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        o.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(Schema, "case_number_seq", IdentifierUsage.General)));

        o.Schema.For<Resident>().DatabaseSchemaName(Schema).DocumentAlias("resident")
            .Duplicate(r => r.Quartier)
            // Substring and typo search on names ("schmi", "Schmitt" find Schmidt): trigram index.
            .Duplicate(r => r.SearchName, configure: Trigram)
            .Duplicate(r => r.SearchAddress, configure: Trigram);

        o.Schema.For<Case>().DatabaseSchemaName(Schema).DocumentAlias("case")
            .Duplicate(c => c.Number, configure: i => i.IsUnique = true)
            .Duplicate(c => c.ResidentId)
            .Duplicate(c => c.CaseManagerId)
            .Duplicate(c => c.DeputyId)
            .Duplicate(c => c.Status)
            .Duplicate(c => c.Quartier)
            .Duplicate(c => c.LastContactOn)
            .Duplicate(c => c.ResidentSearchName, configure: Trigram);

        o.Schema.For<Consent>().DatabaseSchemaName(Schema).DocumentAlias("consent")
            .Duplicate(c => c.ResidentId);

        o.Schema.For<Concern>().DatabaseSchemaName(Schema).DocumentAlias("concern")
            .Duplicate(c => c.Status)
            .Duplicate(c => c.ReportedAt)
            .Duplicate(c => c.CaseId);

        o.Schema.For<FollowUp>().DatabaseSchemaName(Schema).DocumentAlias("follow_up")
            .Duplicate(f => f.CaseId)
            .Duplicate(f => f.DueOn)
            .Duplicate(f => f.DoneAt);

        o.Schema.For<FollowUpDigest>().DatabaseSchemaName(Schema).DocumentAlias("follow_up_digest")
            .Duplicate(d => d.OnDate);

        o.Schema.For<JournalNote>().DatabaseSchemaName(Schema).DocumentAlias("journal_note")
            .Duplicate(n => n.CaseId);

        o.Schema.For<AuditEntry>().DatabaseSchemaName(Schema).DocumentAlias("audit_entry")
            .Duplicate(e => e.CaseId)
            .Duplicate(e => e.ResidentId)
            .Duplicate(e => e.At);
        // The database refuses to change or delete an entry (only the retention sweep deletes expired ones).
        o.MakeAppendOnly<AuditEntry>(Schema, "audit_entry");

        o.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(Case))
            {
                // The dashboard: open cases by last contact (coordination's view spans all of them), per Quartier, and
                // the Quartier filter's skip scan. Partial: closed cases are the bulk after a few years and never shown.
                mapping.AddIndex("last_contact_on", "number").Predicate = "status <> 'Closed'";
                mapping.AddIndex("quartier", "last_contact_on").Predicate = "status <> 'Closed'";
                mapping.AddIndex("case_manager_id", "status");
                mapping.AddIndex("deputy_id", "status");
                // A case manager's open cases (as case manager or deputy) with what the dashboard counts, sorts and pages
                // them by: read from the index alone, without touching the documents (VisibleCaseRows). Not the name:
                // with it, the planner would scan a whole index to search names instead of using the trigram index.
                string[] dashboardColumns = ["id", "number", "status", "quartier", "last_contact_on"];
                var mine = mapping.AddIndex("case_manager_id");
                mine.Name = "mt_doc_case_idx_open_by_case_manager";
                mine.Predicate = "status <> 'Closed'";
                mine.IncludeColumns = dashboardColumns;
                var deputised = mapping.AddIndex("deputy_id");
                deputised.Name = "mt_doc_case_idx_open_by_deputy";
                deputised.Predicate = "status <> 'Closed'";
                deputised.IncludeColumns = dashboardColumns;
            }
            else if (mapping.DocumentType == typeof(Resident))
            {
                mapping.AddIndex("search_name", "id").Name = "mt_doc_resident_idx_search_name_order";
            }
            else if (mapping.DocumentType == typeof(FollowUp))
            {
                // The daily digest and the dashboard look for open reminders by date across all cases.
                mapping.AddIndex("due_on").Predicate = "done_at IS NULL";
                // The dashboard for one case manager: the open reminders of their cases, probed case by case.
                var ofCase = mapping.AddIndex("case_id", "due_on");
                ofCase.Name = "mt_doc_follow_up_idx_open_by_case";
                ofCase.Predicate = "done_at IS NULL";
            }
        });
    }

    private static void Trigram(DocumentIndex index)
    {
        index.Method = IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    }

    /// <summary>The next human-readable case number of the given year ("F-2026-0042").</summary>
    public static async Task<string> NextCaseNumberAsync(this IQuerySession session, int year, CancellationToken cancellationToken)
    {
        var next = (await session.AdvancedSql.QueryAsync<long>($"select nextval('{CaseNumberSequence}')", cancellationToken)).Single();
        return $"F-{year}-{next:0000}";
    }

    /// <summary>
    /// Stores a changed document as the revision after the one it was read at. If someone saved it in between, the
    /// commit fails with Marten's concurrency exception (409 with the German message, or caught via ConcurrentEdits).
    /// </summary>
    public static int StoreNextRevision<T>(this IDocumentSession session, T document) where T : JasperFx.IRevisioned
    {
        var next = document.Version + 1;
        session.UpdateRevision(document, next);
        document.Version = next;
        return next;
    }
}
