using Marten;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Persistence;

/// <summary>
/// The Wege-Hilfe-Plan's documents in the module's schema. A step embeds its referral or neighbour-help request and its
/// history; everything else references its case (and problem) by id through duplicated, indexed columns, which are also
/// what the handlers of other modules' answers look their step up by.
/// </summary>
internal static class PlanningDocuments
{
    /// <summary>The steps' table, for the dashboard's hand-written SQL.</summary>
    public const string PlanSteps = CaseManagementDocuments.Schema + ".mt_doc_plan_step";

    public static void Register(StoreOptions options, string schema)
    {
        options.Schema.For<HomeVisit>().DatabaseSchemaName(schema).DocumentAlias("home_visit")
            .Duplicate(v => v.CaseId, notNull: true);

        options.Schema.For<ProblemSituation>().DatabaseSchemaName(schema).DocumentAlias("problem_situation")
            .Duplicate(p => p.CaseId, notNull: true)
            .Duplicate(p => p.SourceHomeVisitId);

        options.Schema.For<PlanStep>().DatabaseSchemaName(schema).DocumentAlias("plan_step")
            .Duplicate(s => s.CaseId, notNull: true)
            .Duplicate(s => s.ProblemId, notNull: true)
            .Duplicate(s => s.ReferralId)
            .Duplicate(s => s.ReferralPartnerId)
            .Duplicate(s => s.NeighbourHelpId)
            .Duplicate(s => s.ChosenVolunteerId)
            // The dashboard's overdue steps: due date and open status, without reading the JSON.
            .Duplicate(s => s.DueOn)
            .Duplicate(s => s.Status)
            // "Heute": the open referrals in one state (waiting for an answer, declined) across the programme; without
            // it every referral step's JSON was read to find the few open ones (EXPLAIN in bench/cases).
            .Index(s => s.Referral!.Status, index =>
            {
                index.Name = "mt_doc_plan_step_idx_open_referral_status";
                index.Predicate = "status NOT IN ('Done', 'Cancelled') AND referral_id IS NOT NULL";
            });

        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(PlanStep))
            {
                // The dashboard for one case manager: the open steps of their cases by due date, probed case by case.
                var open = mapping.AddIndex("case_id", "due_on");
                open.Name = "mt_doc_plan_step_idx_open_by_case";
                open.Predicate = "status NOT IN ('Done', 'Cancelled')";
                // Coordination's overdue steps across the programme, earliest first.
                var due = mapping.AddIndex("due_on");
                due.Name = "mt_doc_plan_step_idx_open_due_on";
                due.Predicate = "status NOT IN ('Done', 'Cancelled')";
            }
        });
    }
}
