using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuartierPflege.BuildingBlocks.Jobs.Migrations
{
    /// <inheritdoc />
    internal partial class CreateQuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "quartz");

            migrationBuilder.CreateTable(
                name: "job_runs",
                schema: "quartz",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last_run_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.job_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs",
                schema: "quartz");
        }
    }
}
