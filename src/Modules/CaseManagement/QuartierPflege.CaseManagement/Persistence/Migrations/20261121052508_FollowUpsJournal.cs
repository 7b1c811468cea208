using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuartierPflege.CaseManagement.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class FollowUpsJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_digests",
                schema: "case_management",
                columns: table => new
                {
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    case_manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_digests", x => new { x.on_date, x.case_manager_id });
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<Guid>(type: "uuid", nullable: true),
                    done_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_ups_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case_management",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal_notes",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    written_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    written_by = table.Column<Guid>(type: "uuid", nullable: false),
                    written_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_confidential = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_notes_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case_management",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_open_last_contact_on_number",
                schema: "case_management",
                table: "cases",
                columns: new[] { "last_contact_on", "number" },
                filter: "status <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "ix_cases_open_quartier_last_contact_on",
                schema: "case_management",
                table: "cases",
                columns: new[] { "quartier", "last_contact_on" },
                filter: "status <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_case_id_due_on",
                schema: "case_management",
                table: "follow_ups",
                columns: new[] { "case_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_open_due_on",
                schema: "case_management",
                table: "follow_ups",
                column: "due_on",
                filter: "done_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journal_notes_case_id_written_at",
                schema: "case_management",
                table: "journal_notes",
                columns: new[] { "case_id", "written_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_digests",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "follow_ups",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "journal_notes",
                schema: "case_management");

            migrationBuilder.DropIndex(
                name: "ix_cases_open_last_contact_on_number",
                schema: "case_management",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_open_quartier_last_contact_on",
                schema: "case_management",
                table: "cases");
        }
    }
}
