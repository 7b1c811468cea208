using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.Compensation.DataProtection;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Documents;

/// <summary>The module's documents in the product's one Marten store, in schema <c>compensation</c>.</summary>
internal static class CompensationDocuments
{
    public const string SchemaName = "compensation";

    /// <summary>Table of the accruals for the run's set-based read.</summary>
    public const string Accruals = SchemaName + ".mt_doc_accrual";

    public const string Payouts = SchemaName + ".mt_doc_payout";

    public const string Payees = SchemaName + ".mt_doc_payee";

    public const string AssignmentModels = SchemaName + ".mt_doc_assignment_model";

    public const string EnrolmentModels = SchemaName + ".mt_doc_enrolment_model";

    public static IServiceCollection AddCompensationDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            o.Schema.For<CompensationModel>().DatabaseSchemaName(SchemaName).DocumentAlias("compensation_model");
            o.Schema.For<CapYear>().DatabaseSchemaName(SchemaName).DocumentAlias("cap_year");
            o.Schema.For<Payee>().DatabaseSchemaName(SchemaName).DocumentAlias("payee");
            o.Schema.For<AssignmentModel>().DatabaseSchemaName(SchemaName).DocumentAlias("assignment_model");
            o.Schema.For<EnrolmentModel>().DatabaseSchemaName(SchemaName).DocumentAlias("enrolment_model").Duplicate(e => e.VolunteerId);
            o.Schema.For<Accrual>().DatabaseSchemaName(SchemaName).DocumentAlias("accrual")
                .Duplicate(a => a.MonthKey).Duplicate(a => a.VolunteerId).Duplicate(a => a.Corrected);
            o.Schema.For<PayoutRun>().DatabaseSchemaName(SchemaName).DocumentAlias("payout_run")
                .UniqueIndex(r => r.MonthKey);
            o.Schema.For<Payout>().DatabaseSchemaName(SchemaName).DocumentAlias("payout")
                .Duplicate(p => p.VolunteerId).Duplicate(p => p.MonthKey)
                // Exactly one payout per volunteer and month, whatever runs or Hosts compute it.
                .UniqueIndex(p => p.VolunteerId, p => p.MonthKey)
                .Duplicate(p => p.RunId).Duplicate(p => p.Flagged);
            o.Schema.For<PayeeReadAudit>().DatabaseSchemaName(SchemaName).DocumentAlias("payee_read_audit").Duplicate(a => a.VolunteerId);
            // Read logs: the database refuses updates, and deletes outside the retention sweep.
            o.MakeAppendOnly<PayeeReadAudit>(SchemaName, "payee_read_audit");
            o.Schema.For<Features.Sepa.SepaExportDocument>().DatabaseSchemaName(SchemaName).DocumentAlias("sepa_export");
        });
}
