using System.Net.Http.Json;
using Marten;
using Npgsql;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Demo;
using QuartierPflege.CaseManagement.Features.Planning;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Demo;

public sealed class DemoDataTests(QpApp app) : IClassFixture<QpApp>
{
    private sealed record Counts(int Residents, int Cases, int Visits, int Problems, int Steps, int Referrals, int Help, int FollowUps, int Notes, int Consents, int Audit);

    [Fact]
    public async Task Loading_demo_data_twice_gives_the_same_Quartier_with_cases_in_every_state_and_a_full_plan()
    {
        await app.SeedDemoDataAsync();
        var first = await CountAsync();
        await app.SeedDemoDataAsync();

        Assert.Equal(first, await CountAsync());
        Assert.Equal(40, first.Residents);
        Assert.Equal(25, first.Cases);
        // One per demo case: 25 in Döbeln-Nord and 12 in Döbeln-Ost.
        Assert.Equal(37, first.Audit);
        var today = app.Clock.Today();
        await app.QueryAsync(async db =>
        {
            var cases = await db.Cases.Where(c => c.Quartier == DemoCaseData.Quartier).ToListAsync();
            var open = cases.Where(c => c.Status == CaseStatus.Open).Select(c => c.Id).ToHashSet();
            var closed = cases.Where(c => c.IsClosed).Select(c => c.Id).ToHashSet();
            Assert.Equal(Enum.GetValues<CaseStatus>(), cases.Select(c => c.Status).Distinct().Order());

            var visits = await db.HomeVisits.ToListAsync();
            Assert.True(visits.Select(v => v.CaseId).Distinct().Count() >= 15, "Most cases that are not open have a home visit.");
            Assert.DoesNotContain(visits, v => open.Contains(v.CaseId));
            Assert.All(visits, v =>
            {
                var @case = cases.Single(c => c.Id == v.CaseId);
                Assert.InRange(v.VisitedOn, @case.OpenedOn, @case.LastContactOn);
                Assert.All(v.Content.Answers, a => Assert.True(HomeVisitAnswers.IsValid(HomeVisitTemplates.Current.FindQuestion(a.Key)!, a.Value), a.Key));
            });

            var problems = await db.Problems.ToListAsync();
            Assert.Contains(problems, p => p.Kind == ProblemKind.RentArrears && p.ChosenAlternative is not null && p.Alternatives.Count >= 2 && p.ChoiceReason is not null);
            Assert.All(problems.Where(p => closed.Contains(p.CaseId)), p => Assert.NotNull(p.Outcome));
            Assert.Equal(Enum.GetValues<ProblemOutcome>(), problems.Where(p => p.Outcome is not null).Select(p => p.Outcome!.Value).Distinct().Order());

            var steps = await db.Steps.ToListAsync();
            Assert.Equal(Enum.GetValues<StepKind>(), steps.Select(s => s.Kind).Distinct().Order());
            Assert.Equal(Enum.GetValues<StepStatus>(), steps.Select(s => s.Status).Distinct().Order());
            // Döbeln-Ost's visited residents have plan steps too (their running visits).
            var everyCase = await db.Cases.ToListAsync();
            Assert.All(steps, s => Assert.True(s.DueOn >= everyCase.Single(c => c.Id == s.CaseId).OpenedOn, s.Title));
            Assert.All(steps, s => Assert.NotEmpty(s.History));
            Assert.DoesNotContain(steps, s => closed.Contains(s.CaseId) && (s.IsOpen || s.Referral?.IsOpen == true));
            Assert.Contains(steps, s => s.IsOpen && s.DueOn < today);
            var referrals = steps.Where(s => s.Referral is not null).Select(s => s.Referral!).ToList();
            Assert.Superset(
                new HashSet<ReferralStatus> { ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.CompletedSuccessfully },
                referrals.Select(r => r.Status).ToHashSet());
            Assert.Contains(referrals, r => r.PartnerName == "Schuldner- und Insolvenzberatung Mittelsachsen");
            var help = steps.Where(s => s.NeighbourHelp is not null).ToList();
            Assert.NotEmpty(help);
            // Running with a demo helper (the Volunteers module's demo data has the assignment), or proposals to choose from.
            Assert.All(help, s => Assert.Contains((s.Status, s.NeighbourHelp!.Status),
                new[] { (StepStatus.InProgress, NeighbourHelpStatus.Started), (StepStatus.Waiting, NeighbourHelpStatus.Proposed) }));
            Assert.Contains(help, s => s.NeighbourHelp!.ChosenVolunteerId == QuartierPflege.Volunteers.Contracts.DemoHelpers.All[0].VolunteerId && s.NeighbourHelp.AssignmentId is not null);
            Assert.All(help, s => Assert.NotEmpty(s.NeighbourHelp!.Candidates));

            var followUps = await db.FollowUps.ToListAsync();
            Assert.Contains(followUps, f => !f.IsDone && f.DueOn == today);
            Assert.Contains(followUps, f => f.IsOverdueOn(today));
            Assert.Contains(followUps, f => f.IsDone);
            Assert.All(followUps, f => Assert.True(FollowUp.MayBeDueOn(f.DueOn, cases.Single(c => c.Id == f.CaseId)), f.Title));
            Assert.DoesNotContain(followUps, f => closed.Contains(f.CaseId) && !f.IsDone);

            var notes = await db.JournalNotes.ToListAsync();
            Assert.Contains(notes, n => n.IsConfidential);
            Assert.All(cases, c => Assert.Equal(c.LastContactOn, notes.Where(n => n.CaseId == c.Id).Max(n => n.ContactOn)));

            return true;
        });

        // A snapshot: nothing was sent to the partners or the volunteers (no envelope of Case Management's messages).
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var sent = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM wolverine.wolverine_outgoing_envelopes WHERE message_type LIKE 'case-management.%')
                 + (SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE message_type LIKE 'case-management.%')
            """, connection);
        Assert.Equal(0L, (long)(await sent.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_demo_case_manager_sees_overdue_follow_ups_silent_cases_and_a_filled_plan()
    {
        await app.SeedDemoDataAsync();
        var client = app.CreateBrowserLikeClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Fallmanagement.Email, password = DemoAccounts.Password });
        login.EnsureSuccessStatusCode();
        var today = app.Clock.Today();
        var (overdueTitle, caseId, chosen, partner) = await app.QueryAsync(async db =>
        {
            var demoManager = DemoAccounts.Fallmanagement.Id;
            var mine = await db.Cases.Where(c => c.CaseManagerId == demoManager).ToListAsync();
            var mineIds = mine.Select(c => c.Id).ToHashSet();
            var inProgress = mine.Where(c => c.Status == CaseStatus.InProgress).Select(c => c.Id).ToHashSet();
            var overdue = (await db.FollowUps.Where(f => f.DoneAt == null && f.DueOn < today).ToListAsync())
                .Where(f => mineIds.Contains(f.CaseId)).OrderBy(f => f.DueOn).Select(f => f.Title).First();
            var step = (await db.Steps.ToListAsync())
                .Where(s => s.Referral is not null && inProgress.Contains(s.CaseId)).OrderBy(s => s.Referral!.SentAt).First();
            var problem = (await db.Session.LoadAsync<ProblemSituation>(step.ProblemId))!;
            return (overdue, step.CaseId, problem.ChosenAlternative!, step.Referral!.PartnerName);
        });

        var dashboard = await (await client.GetAsync("/CaseManagement")).HtmlAsync();
        var plan = await (await client.GetAsync($"/CaseManagement/Faelle/{caseId}/Plan")).HtmlAsync();
        var visits = await (await client.GetAsync($"/CaseManagement/Faelle/{caseId}/Hausbesuche")).HtmlAsync();

        Assert.Contains($"Wiedervorlage: {overdueTitle}", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Nichts ist überfällig.", dashboard, StringComparison.Ordinal);
        Assert.Contains("Ohne Kontakt seit 14 Tagen oder länger", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Mit allen Bewohner:innen bestand", dashboard, StringComparison.Ordinal);
        Assert.Contains(chosen, plan, StringComparison.Ordinal);
        Assert.Contains(partner, plan, StringComparison.Ordinal);
        Assert.Contains("Checkliste hausbesuch-2026-1", visits, StringComparison.Ordinal);
    }

    private Task<Counts> CountAsync() => app.QueryAsync(async db => new Counts(
        await db.Residents.CountAsync(r => r.Quartier == DemoCaseData.Quartier),
        await db.Cases.CountAsync(c => c.Quartier == DemoCaseData.Quartier),
        await db.HomeVisits.CountAsync(),
        await db.Problems.CountAsync(),
        await db.Steps.CountAsync(),
        await db.Steps.CountAsync(s => s.Referral != null),
        await db.Steps.CountAsync(s => s.NeighbourHelp != null),
        await db.FollowUps.CountAsync(),
        await db.JournalNotes.CountAsync(),
        await db.Consents.CountAsync(),
        await db.AuditEntries.CountAsync(a => a.UserName == "Demodaten (seed-demo)")));
}
