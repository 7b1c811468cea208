using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.CaseManagement.Tests.DataProtection;

/// <summary>
/// The retention sweep as production runs it: two Hosts on one database, coordination pressing "Jetzt ausführen" on
/// both at the same moment. Each Host records its own run and asks every module; Case Management's sweeps serialise
/// on their advisory lock, so the due case is anonymised by one of them and counted once across both runs.
/// </summary>
public sealed class SweepOnTwoHostsTests : IAsyncLifetime
{
    private string _database = string.Empty;
    private QpApp? _first;
    private QpApp? _second;

    private QpApp First => _first!;

    private QpApp Second => _second!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync();
        _first = QpApp.OnSharedDatabase(_database);
        await _first.InitializeAsync();
        // The tables exist before the second Host could try to create them too.
        await First.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _second = QpApp.OnSharedDatabase(_database);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        await TestDatabases.DropAsync(_database);
    }

    [Fact]
    public async Task Sweeps_started_on_two_Hosts_at_once_anonymise_the_case_closed_three_years_and_a_day_ago_exactly_once_and_not_the_held_one()
    {
        var today = First.Clock.Today();
        var caseManager = await First.SignedInClientAsync(Roles.Fallmanagement);
        var (dueResident, dueCase) = await caseManager.ResidentWithCaseAsync("Zweirechner");
        var (heldResident, heldCase) = await caseManager.ResidentWithCaseAsync("Gesperrtzwei");
        await CloseAsync(dueCase, today.PlusYears(-3).PlusDays(-1));
        await CloseAsync(heldCase, today.PlusYears(-3).PlusDays(-1));
        var onFirst = await First.SignedInClientAsync(Roles.Koordination);
        var onSecond = await Second.SignedInClientAsync(Roles.Koordination);
        Assert.Equal(HttpStatusCode.NoContent,
            (await onSecond.PostAsJsonAsync($"/api/case-management/cases/{heldCase}/legal-hold", new { reason = "Klage der Vermieterin, Az. 3 C 7/29" })).StatusCode);

        var sessions = await Task.WhenAll(StartSweepAsync(First, onFirst), StartSweepAsync(Second, onSecond));

        var replies = sessions.SelectMany(CaseManagementReplies).DistinctBy(r => r.MessageId).ToList();
        Assert.Equal(2, replies.Select(r => r.SweepId).Distinct().Count());
        Assert.Equal(1, replies.Sum(r => Anonymised(r.Counts, CaseManagementPersonalData.CaseFileKey)));
        Assert.Equal(1, replies.Sum(r => Anonymised(r.Counts, CaseManagementPersonalData.ResidentKey)));
        // Both runs are recorded in the shared database and, read from either Host, count the case file once.
        var (runs, _) = await Eventually.UntilAsync(
            async () =>
            {
                var all = (await (await onSecond.GetAsync("/api/data-protection/retention-sweeps")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
                return (All: all, Outstanding: string.Join("; ", all.Select(r => r.GetProperty("outstanding").ToString())) + " dead letters: " + await DeadLettersAsync());
            },
            seen => seen.All.Count == 2 && seen.All.All(r => r.GetProperty("outstanding").GetArrayLength() == 0),
            "both runs complete with every module's answer");
        Assert.Equal(1, runs.Sum(r => r.GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("module").GetString() == CaseManagementPersonalData.ModuleName && c.GetProperty("kindKey").GetString() == CaseManagementPersonalData.CaseFileKey)
            .Sum(c => c.GetProperty("anonymised").GetInt32())));

        var (resident, @case) = await First.QueryAsync(async db => (await db.Session.LoadAsync<Resident>(dueResident), await db.Session.LoadAsync<Case>(dueCase)));
        Assert.Equal((CaseAnonymisation.Removed, today), (resident!.LastName, resident.AnonymisedOn!.Value));
        Assert.Equal((CaseAnonymisation.Removed, "Döbeln-Nord", today), (@case!.ResidentName, @case.Quartier, @case.AnonymisedOn!.Value));
        var (held, heldFile) = await Second.QueryAsync(async db => (await db.Session.LoadAsync<Resident>(heldResident), await db.Session.LoadAsync<Case>(heldCase)));
        Assert.Equal(("Gesperrtzwei", (LocalDate?)null), (held!.LastName, heldFile!.AnonymisedOn));
    }

    private async Task<string> DeadLettersAsync()
    {
        await using var command = First.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()
            .CreateCommand("select string_agg(message_type || ': ' || coalesce(exception_message, ''), ' | ') from wolverine.wolverine_dead_letters");
        return (await command.ExecuteScalarAsync())?.ToString() ?? "none";
    }

    /// <summary>"Jetzt ausführen" through the API of one Host, waiting for all it causes on that Host.</summary>
    private static Task<ITrackedSession> StartSweepAsync(QpApp host, HttpClient coordination)
        => host.TrackAllowingFailuresAsync(async () =>
            Assert.Equal(HttpStatusCode.Accepted, (await coordination.PostAsync("/api/data-protection/retention-sweeps", null)).StatusCode),
            // Every module's sweep handler runs for the first time in each of two Hosts: longer than the usual wait.
            TimeSpan.FromMinutes(2));

    private static IEnumerable<RetentionSwept> CaseManagementReplies(ITrackedSession tracked)
        => tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<RetentionSwept>()
            .Where(m => m.Module == CaseManagementPersonalData.ModuleName);

    private static int Anonymised(IReadOnlyList<RetentionCount> counts, string key) => counts.Where(c => c.KindKey == key).Sum(c => c.Anonymised);

    private Task CloseAsync(Guid caseId, LocalDate on)
        => First.InScopeAsync(async sp =>
        {
            var session = sp.GetRequiredService<IDocumentSession>();
            var @case = await session.LoadAsync<Case>(caseId);
            @case!.Status = CaseStatus.Closed;
            @case.ClosedOn = on;
            session.Store(@case);
            await session.SaveChangesAsync();
        });
}
