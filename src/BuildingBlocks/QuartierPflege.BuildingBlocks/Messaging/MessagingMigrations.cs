using Microsoft.EntityFrameworkCore.Migrations;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>Used by each module's messaging migration for what EF's model cannot express.</summary>
public static class MessagingMigrations
{
    public static void CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder, string schema)
        => migrationBuilder.Sql(MessagingModel.NotifyTriggerSql(schema));

    public static void DropOutboxNotifyTrigger(this MigrationBuilder migrationBuilder, string schema)
        => migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {schema}.notify_outbox() CASCADE;");
}
