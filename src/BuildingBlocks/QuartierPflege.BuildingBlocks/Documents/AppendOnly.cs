using Marten;
using Marten.Schema;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Triggers;
using static Weasel.Postgresql.SchemaUtils;

namespace QuartierPflege.BuildingBlocks.Documents;

/// <summary>
/// Append-only documents (audit entries): the database itself refuses to change a stored row, whatever code or person
/// connects. A row trigger raises on every UPDATE, and on DELETE unless the deleting transaction declared itself the
/// retention sweep with <c>SET LOCAL qp.retention_sweep = 'on'</c> (<see cref="AllowRetentionDeletes"/>).
/// </summary>
/// <remarks>
/// <para>
/// The flag is transaction-local (<c>SET LOCAL</c>): it ends with the sweep's commit or
/// rollback and never leaks to the next user of a pooled connection. It is a guard against mistakes and stray code
/// paths, not against a database superuser, who can drop the trigger.
/// </para>
/// <para>
/// Marten writes <c>session.Insert</c> as a plain <c>INSERT</c> (its insert function has no <c>ON CONFLICT</c>), so
/// inserting is unaffected; <c>session.Store</c> of an append-only document would be an upsert and is refused when the
/// row exists. A future schema change that backfills a new duplicated column on such a table must disable the trigger
/// for that migration explicitly.
/// </para>
/// </remarks>
public static class AppendOnly
{
    /// <summary>The transaction-local setting that lets the retention sweep delete expired rows.</summary>
    public const string RetentionSweepSetting = "qp.retention_sweep";

    /// <summary>SQL that marks the current transaction as the retention sweep (only effective inside a transaction).</summary>
    /// <remarks>A statement without a result set: Marten's batch reads the results of the operations queued after it.</remarks>
    public const string AllowRetentionDeletesSql = "SET LOCAL " + RetentionSweepSetting + " = 'on'";

    /// <summary>The trigger function of one table: in the table's (the module's) schema, named after the table.</summary>
    public static PostgresqlObjectName FunctionName(DbObjectName table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new PostgresqlObjectName(table.Schema, $"{table.Name}_append_only", IdentifierUsage.General);
    }

    /// <summary>
    /// Declares <typeparamref name="T"/> append-only: its table gets the refusing trigger wherever Marten creates or
    /// migrates the schema (<c>Host migrate</c>, <c>ApplyAllDatabaseChangesOnStartup</c>, test templates).
    /// </summary>
    /// <param name="schema">The module's schema the document is registered in.</param>
    /// <param name="documentAlias">The document's alias (<c>DocumentAlias("audit_entry")</c>): its table is <c>mt_doc_&lt;alias&gt;</c>.</param>
    public static void MakeAppendOnly<T>(this StoreOptions options, string schema, string documentAlias)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.Add(new AppendOnlyFeature<T>(options, TableOf(schema, documentAlias)));
    }

    /// <summary>Marten's table of a document: <c>&lt;schema&gt;.mt_doc_&lt;alias&gt;</c>.</summary>
    public static PostgresqlObjectName TableOf(string schema, string documentAlias)
        => new(schema, "mt_doc_" + documentAlias.ToLowerInvariant(), IdentifierUsage.General);

    /// <summary>
    /// Queues the flag as the first command of the session's commit, so the deletes queued after it in the same
    /// <c>SaveChangesAsync</c> pass the trigger; nothing else in that commit changes because of it.
    /// </summary>
    public static void AllowRetentionDeletes(this IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.QueueSqlCommand(AllowRetentionDeletesSql);
    }

    /// <summary>The trigger function's body: UPDATE never, DELETE only in the sweep's transaction.</summary>
    public static string FunctionSql(DbObjectName table) => $"""
        CREATE OR REPLACE FUNCTION {FunctionName(table).QualifiedName}() RETURNS trigger
        LANGUAGE plpgsql AS $qp$
        BEGIN
            IF TG_OP = 'DELETE' AND coalesce(current_setting('{RetentionSweepSetting}', true), '') = 'on' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'Tabelle %.% ist nur fortschreibbar: % ist nicht erlaubt', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $qp$;
        """;

    /// <summary>The trigger on one document table.</summary>
    public static Trigger TriggerFor(DbObjectName table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var trigger = new Trigger(
            new PostgresqlObjectName(table.Schema, $"{table.Name}_append_only", IdentifierUsage.General),
            table,
            FunctionName(table).QualifiedName + "()")
        {
            Timing = TriggerTiming.Before,
            Events = TriggerEvents.Update | TriggerEvents.Delete,
            ForEachRow = true,
        };
        return trigger;
    }

    /// <summary>
    /// A storage feature of its own per document type (Marten keys features by <see cref="StorageType"/>), depending on
    /// the document so that its table exists before the trigger is created on it.
    /// </summary>
    private sealed class AppendOnlyFeature<T>(StoreOptions options, PostgresqlObjectName table) : FeatureSchemaBase($"AppendOnly{typeof(T).Name}", options.Advanced.Migrator)
    {
        public override Type StorageType => typeof(AppendOnlyFeature<T>);

        public override IEnumerable<Type> DependentTypes()
        {
            yield return typeof(T);
        }

        protected override IEnumerable<ISchemaObject> schemaObjects()
        {
            yield return new Function(FunctionName(table), FunctionSql(table));
            yield return TriggerFor(table);
        }
    }
}
