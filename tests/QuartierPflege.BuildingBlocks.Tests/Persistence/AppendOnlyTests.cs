using QuartierPflege.BuildingBlocks.Documents;

namespace QuartierPflege.BuildingBlocks.Tests.Persistence;

/// <summary>
/// The append-only trigger's SQL (the database behaviour itself is tested on Case Management's audit entries: an UPDATE
/// and a DELETE fail, the sweep's delete works).
/// </summary>
public sealed class AppendOnlyTests
{
    [Fact]
    public void The_trigger_guards_updates_and_deletes_of_every_row_of_the_documents_table()
    {
        var table = AppendOnly.TableOf("some_module", "Audit_Entry");

        var statement = AppendOnly.TriggerFor(table).CreateStatement();

        Assert.Equal("some_module.mt_doc_audit_entry", table.QualifiedName);
        Assert.Contains("BEFORE UPDATE OR DELETE ON some_module.mt_doc_audit_entry FOR EACH ROW", statement, StringComparison.Ordinal);
        Assert.Contains("EXECUTE FUNCTION some_module.mt_doc_audit_entry_append_only()", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_delete_in_a_transaction_that_set_the_sweep_flag_locally_passes()
    {
        var function = AppendOnly.FunctionSql(AppendOnly.TableOf("some_module", "audit_entry"));

        Assert.Contains("TG_OP = 'DELETE' AND coalesce(current_setting('qp.retention_sweep', true), '') = 'on'", function, StringComparison.Ordinal);
        Assert.Contains("RAISE EXCEPTION", function, StringComparison.Ordinal);
        // LOCAL: the setting ends with the transaction.
        Assert.Equal("SET LOCAL qp.retention_sweep = 'on'", AppendOnly.AllowRetentionDeletesSql);
    }
}
