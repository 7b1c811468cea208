using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using QuartierPflege.CaseManagement.Auditing;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QuartierPflege.CaseManagement.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ResidentsCasesAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "case_number_seq",
                schema: "case_management");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    record_kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "residents",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    street = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    house_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    flat = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    quartier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    care_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tenancy_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    search_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false, computedColumnSql: "lower(last_name || ' ' || first_name)", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_residents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_manager_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deputy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deputy_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_contact_on = table.Column<DateOnly>(type: "date", nullable: false),
                    quartier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_residents_resident_id",
                        column: x => x.resident_id,
                        principalSchema: "case_management",
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "relatives",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    may_be_contacted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_relatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_relatives_residents_resident_id",
                        column: x => x.resident_id,
                        principalSchema: "case_management",
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_case_id_at",
                schema: "case_management",
                table: "audit_entries",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_resident_id_at",
                schema: "case_management",
                table: "audit_entries",
                columns: new[] { "resident_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_manager_id_status",
                schema: "case_management",
                table: "cases",
                columns: new[] { "case_manager_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_deputy_id_status",
                schema: "case_management",
                table: "cases",
                columns: new[] { "deputy_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                schema: "case_management",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_resident_id",
                schema: "case_management",
                table: "cases",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_last_contact_on",
                schema: "case_management",
                table: "cases",
                columns: new[] { "status", "last_contact_on" });

            migrationBuilder.CreateIndex(
                name: "ix_relatives_resident_id",
                schema: "case_management",
                table: "relatives",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_residents_quartier",
                schema: "case_management",
                table: "residents",
                column: "quartier");

            migrationBuilder.CreateIndex(
                name: "ix_residents_search_name",
                schema: "case_management",
                table: "residents",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.MakeAuditTrailAppendOnly(CaseManagementDbContext.SchemaName);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "relatives",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "residents",
                schema: "case_management");

            migrationBuilder.DropSequence(
                name: "case_number_seq",
                schema: "case_management");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
