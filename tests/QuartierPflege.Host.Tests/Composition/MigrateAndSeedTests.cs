using Npgsql;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Composition;

public sealed class MigrateAndSeedTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateEmptyAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_connectionString);

    [Fact]
    public async Task Migrate_creates_every_module_schema_and_can_run_again()
    {
        await using var app = QpApp.OnDatabase(_connectionString);

        await app.MigrateAsync();
        await app.MigrateAsync();

        var schemas = await QueryAsync("SELECT nspname FROM pg_namespace");
        // Marten creates a module's schema with its first document type: Volunteers and Compensation have none yet.
        Assert.Superset(new HashSet<string> { "identity", "case_management", "partners", "notifications", "wolverine", "hangfire" },
            schemas.ToHashSet());
        var roles = await QueryAsync("SELECT name FROM identity.asp_net_roles ORDER BY name");
        Assert.Equal(["Ehrenamt", "Fallmanagement", "Finanzen", "Koordination"], roles);
    }

    [Fact]
    public async Task After_the_migrate_verb_a_Host_that_creates_nothing_itself_starts_and_is_ready()
    {
        // As ops/run and a deployment do it: `Host migrate` through the real entry point, without starting the web app.
        var exitCode = await RunHostVerbAsync("migrate", $"--ConnectionStrings:QuartierPflege={_connectionString}");
        Assert.Equal(0, exitCode);

        await using var app = new ProductionLikeHost(_connectionString);
        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var tables = await QueryAsync("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('wolverine', 'hangfire', 'case_management')");
        Assert.Contains("wolverine.wolverine_incoming_envelopes", tables);
        Assert.Contains("wolverine.wolverine_dead_letters", tables);
        Assert.Contains("hangfire.job", tables);
        Assert.Contains("case_management.mt_doc_case", tables);
    }

    [Fact]
    public async Task Demo_data_loads_each_demo_account_once_and_loading_again_changes_nothing()
    {
        await using var app = QpApp.OnDatabase(_connectionString);
        await app.MigrateAsync();

        await app.SeedDemoDataAsync();
        await app.SeedDemoDataAsync();

        var users = await QueryAsync("SELECT email FROM identity.asp_net_users WHERE email LIKE '%@demo.quartierpflege.de' ORDER BY email");
        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(StringComparer.Ordinal), users.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_demo_volunteer_helps_in_a_demo_case_with_logs_in_every_state_and_compensation_accrues_the_confirmed_ones()
    {
        // As ops/run does it: `Host seed-demo` through the real entry point (no web app, no message processing), twice.
        Assert.Equal(0, await RunHostVerbAsync("seed-demo", $"--ConnectionStrings:QuartierPflege={_connectionString}"));
        var volunteer = DemoAccounts.Ehrenamt.Id;
        const string Gerda = "(SELECT id::text FROM volunteers.mt_doc_volunteer WHERE data ->> 'UserId' = @user)";
        var assignments = await QueryAsync($"SELECT id::text FROM volunteers.mt_doc_assignment WHERE volunteer_id::text = {Gerda} AND data ->> 'Status' = 'Active'", volunteer);
        Assert.NotEmpty(assignments);

        // The case's plan agrees: its neighbour-help step runs with her, under the same assignment.
        var steps = await QueryAsync(
            "SELECT data -> 'NeighbourHelp' ->> 'ChosenVolunteerName' FROM case_management.mt_doc_plan_step WHERE data -> 'NeighbourHelp' ->> 'AssignmentId' = ANY(@ids) AND data -> 'NeighbourHelp' ->> 'Status' = 'Started'",
            assignments.ToArray());
        Assert.Equal(Enumerable.Repeat(DemoAccounts.Ehrenamt.DisplayName, assignments.Count), steps);
        Assert.NotEmpty(await QueryAsync("SELECT data -> 'NeighbourHelp' ->> 'Status' FROM case_management.mt_doc_plan_step WHERE data -> 'NeighbourHelp' ->> 'Status' = 'Proposed'"));

        // Two months of logs in every state: confirmed, corrected after confirmation, returned with a comment, submitted.
        const string Logs = $"FROM volunteers.mt_doc_activitylog WHERE volunteer_id::text = {Gerda}";
        var states = await QueryAsync($"SELECT DISTINCT data ->> 'State' {Logs}", volunteer);
        Assert.Equal(["Confirmed", "Returned", "Submitted"], states.Order(StringComparer.Ordinal));
        Assert.NotEmpty(await QueryAsync($"SELECT id::text {Logs} AND data ->> 'State' = 'Submitted' AND data ->> 'ConfirmedAt' IS NOT NULL", volunteer));
        Assert.NotEmpty(await QueryAsync($"SELECT data ->> 'ReturnComment' {Logs} AND data ->> 'State' = 'Returned' AND data ->> 'ReturnComment' <> ''", volunteer));
        var months = await QueryAsync($"SELECT DISTINCT left(data ->> 'Date', 7) {Logs}", volunteer);
        Assert.True(months.Count >= 2, string.Join(", ", months));
        var confirmed = await QueryAsync($"SELECT id::text {Logs} AND data ->> 'ConfirmedAt' IS NOT NULL ORDER BY 1", volunteer);

        var counts = await QueryAsync("""
            SELECT (SELECT count(*) FROM volunteers.mt_doc_assignment) || '/' || (SELECT count(*) FROM volunteers.mt_doc_activitylog)
                || '/' || (SELECT count(*) FROM volunteers.mt_doc_helprequest) || '/' || (SELECT count(*) FROM case_management.mt_doc_plan_step)
            """);
        Assert.Equal(0, await RunHostVerbAsync("seed-demo", $"--ConnectionStrings:QuartierPflege={_connectionString}"));
        Assert.Equal(counts, await QueryAsync("""
            SELECT (SELECT count(*) FROM volunteers.mt_doc_assignment) || '/' || (SELECT count(*) FROM volunteers.mt_doc_activitylog)
                || '/' || (SELECT count(*) FROM volunteers.mt_doc_helprequest) || '/' || (SELECT count(*) FROM case_management.mt_doc_plan_step)
            """));

        // The confirmations were published through the outbox: once a Host runs, Compensation accrues each of them once.
        await using var app = new ProductionLikeHost(_connectionString);
        _ = await app.CreateClient().GetAsync("/health/ready");
        var accrued = await Eventually.UntilAsync(
            () => QueryAsync("SELECT id::text FROM compensation.mt_doc_accrual WHERE id::text = ANY(@ids) ORDER BY 1", confirmed.ToArray()),
            ids => ids.Count == confirmed.Count, "the demo volunteer's confirmed logs accrued in Compensation");
        Assert.Equal(confirmed, accrued);
    }

    private static async Task<int> RunHostVerbAsync(params string[] args)
    {
        var result = typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]);
        return result is Task<int> task ? await task : 0;
    }

    private async Task<List<string>> QueryAsync(string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is Guid user)
        {
            command.Parameters.AddWithValue("user", user.ToString());
        }
        else if (parameter is string[] ids)
        {
            command.Parameters.AddWithValue("ids", ids);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A Host as in production: it creates no tables, message storage or job storage at start-up.</summary>
    private sealed class ProductionLikeHost : QpApp
    {
        public ProductionLikeHost(string connectionString)
            : base(connectionString) => Settings["Database:CreateSchemaAtStartup"] = "false";
    }
}
