using Microsoft.EntityFrameworkCore;

namespace QuartierPflege.BuildingBlocks.Messaging;

internal static class MessagingModel
{
    public const string NotifyChannel = "qp_outbox";

    /// <summary>The outbox and inbox tables every module has in its own schema.</summary>
    public static void AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.Name).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            // The relay's claim query: unprocessed, not dead, due.
            outbox.HasIndex(m => new { m.NextAttemptAt, m.Id })
                .HasFilter("processed_at IS NULL AND dead_lettered_at IS NULL")
                .HasDatabaseName("ix_outbox_pending");
            outbox.HasIndex(m => m.ProcessedAt).HasFilter("processed_at IS NOT NULL").HasDatabaseName("ix_outbox_processed");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasKey(m => new { m.MessageId, m.Handler });
            inbox.Property(m => m.Handler).HasMaxLength(300);
            inbox.HasIndex(m => m.ProcessedAt);
        });
    }

    /// <summary>
    /// A statement trigger that wakes the relays (LISTEN/NOTIFY) when outbox rows are committed. NOTIFY inside a
    /// transaction is delivered only on commit, so a relay never wakes for a row it cannot see yet.
    /// </summary>
    public static string NotifyTriggerSql(string schema) => $"""
        CREATE OR REPLACE FUNCTION {schema}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NotifyChannel}', '{schema}');
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS outbox_notify ON {schema}.outbox;
        CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE OF next_attempt_at ON {schema}.outbox
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.notify_outbox();
        """;
}
