namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// Queued mail wakes the senders through PostgreSQL <c>NOTIFY</c>: it is delivered only when the inserting transaction
/// commits (so a sender never wakes for a row it cannot see yet), and it reaches the senders of every Host process.
/// </summary>
internal static class MailWakeUp
{
    public const string Channel = "qp_mail";

    public const string CreateTriggerSql = $"""
        CREATE OR REPLACE FUNCTION notifications.notify_queued_mail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{Channel}', '');
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS queued_mail_notify ON notifications.queued_mail;
        CREATE TRIGGER queued_mail_notify AFTER INSERT ON notifications.queued_mail
            FOR EACH STATEMENT EXECUTE FUNCTION notifications.notify_queued_mail();
        """;

    public const string DropTriggerSql = """
        DROP TRIGGER IF EXISTS queued_mail_notify ON notifications.queued_mail;
        DROP FUNCTION IF EXISTS notifications.notify_queued_mail();
        """;
}
