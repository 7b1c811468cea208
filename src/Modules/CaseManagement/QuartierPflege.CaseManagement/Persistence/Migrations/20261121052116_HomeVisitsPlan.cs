using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QuartierPflege.CaseManagement.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class HomeVisitsPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "home_visits",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    visited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    template_key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_home_visits_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case_management",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "problem_situations",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    other_text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    alternatives = table.Column<List<string>>(type: "text[]", nullable: false),
                    chosen_alternative = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    choice_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source_home_visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_domain = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problem_situations", x => x.id);
                    table.ForeignKey(
                        name: "fk_problem_situations_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "case_management",
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_steps",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_milestone = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    flag = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_steps_problem_situations_problem_id",
                        column: x => x.problem_id,
                        principalSchema: "case_management",
                        principalTable: "problem_situations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "neighbour_help_requests",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_profile_key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    hours_per_month = table.Column<int>(type: "integer", nullable: false),
                    preferred_times = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    candidates = table.Column<string>(type: "jsonb", nullable: false),
                    chosen_volunteer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    chosen_volunteer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    chosen_by = table.Column<Guid>(type: "uuid", nullable: true),
                    chosen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    refusal_reasons = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_neighbour_help_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_neighbour_help_requests_plan_steps_step_id",
                        column: x => x.step_id,
                        principalSchema: "case_management",
                        principalTable: "plan_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_step_changes",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    from = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    to = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_step_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_step_changes_plan_steps_step_id",
                        column: x => x.step_id,
                        principalSchema: "case_management",
                        principalTable: "plan_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "case_management",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service_category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    disclosed_summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    contact_details_disclosed = table.Column<bool>(type: "boolean", nullable: false),
                    respond_by = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    contact_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_plan_steps_step_id",
                        column: x => x.step_id,
                        principalSchema: "case_management",
                        principalTable: "plan_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_case_id_visited_on",
                schema: "case_management",
                table: "home_visits",
                columns: new[] { "case_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_neighbour_help_requests_chosen_volunteer_id",
                schema: "case_management",
                table: "neighbour_help_requests",
                column: "chosen_volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_neighbour_help_requests_step_id",
                schema: "case_management",
                table: "neighbour_help_requests",
                column: "step_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_step_changes_step_id_at",
                schema: "case_management",
                table: "plan_step_changes",
                columns: new[] { "step_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_steps_case_id",
                schema: "case_management",
                table: "plan_steps",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_steps_problem_id",
                schema: "case_management",
                table: "plan_steps",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "ix_problem_situations_case_id",
                schema: "case_management",
                table: "problem_situations",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_partner_id_status",
                schema: "case_management",
                table: "referrals",
                columns: new[] { "partner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_step_id",
                schema: "case_management",
                table: "referrals",
                column: "step_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "home_visits",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "neighbour_help_requests",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "plan_step_changes",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "plan_steps",
                schema: "case_management");

            migrationBuilder.DropTable(
                name: "problem_situations",
                schema: "case_management");
        }
    }
}
