using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuartierPflege.CaseManagement.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ResidentsConsentConcerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "concerns",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resident_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resident_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reported_by = table.Column<Guid>(type: "uuid", nullable: false),
                    reported_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dismissal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    triaged_by = table.Column<Guid>(type: "uuid", nullable: true),
                    triaged_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    triaged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_concerns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    partner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    service_category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    form = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    witness_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<Guid>(type: "uuid", nullable: true),
                    withdrawn_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_consents_residents_resident_id",
                        column: x => x.resident_id,
                        principalSchema: "case_management",
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_concerns_case_id",
                schema: "case_management",
                table: "concerns",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_concerns_status_reported_at",
                schema: "case_management",
                table: "concerns",
                columns: new[] { "status", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consents_resident_id_purpose",
                schema: "case_management",
                table: "consents",
                columns: new[] { "resident_id", "purpose" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concerns",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "consents",
                schema: "case_management");
        }
    }
}
