using Microsoft.EntityFrameworkCore.Migrations;

namespace QuartierPflege.CaseManagement.Auditing;

internal static class AuditMigrations
{
    /// <summary>
    /// The audit trail is append-only: the database refuses updates, and deletes unless the retention sweep announces
    /// itself (<c>SET LOCAL qp.retention_sweep = 'on'</c>).
    /// </summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder, string schema) => migrationBuilder.Sql($"""
        CREATE OR REPLACE FUNCTION {schema}.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND current_setting('qp.retention_sweep', true) = 'on' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'Das Protokoll (audit_entries) kann nicht geändert werden.';
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON {schema}.audit_entries
            FOR EACH ROW EXECUTE FUNCTION {schema}.audit_entries_append_only();
        """);
}
