using System.Text.Json;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

public sealed class FollowUpReminderTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly LocalDate Date = new(2026, 3, 2);

    /// <summary>Every digest the commands of this class caused, as they went out (whether or not a module consumes them yet).</summary>
    private readonly List<FollowUpsDue> _digests = [];

    [Fact]
    public async Task The_daily_command_sends_one_digest_per_case_manager_and_the_same_date_again_sends_nothing()
    {
        var sabine = await app.CreateUserAsync(Roles.Fallmanagement, "Sabine Fuchs");
        var tom = await app.CreateUserAsync(Roles.Fallmanagement, "Tom Berger");
        var idle = await app.CreateUserAsync(Roles.Fallmanagement, "Ida Ohne");
        var erika = await app.CreateCaseAsync(sabine, "Erika", "Müller");
        var hans = await app.CreateCaseAsync(sabine, "Hans", "Schulze");
        var gerda = await app.CreateCaseAsync(tom, "Gerda", "Lehmann", deputy: sabine);
        var closed = await app.CreateCaseAsync(tom, "Kurt", "Abgeschlossen", status: CaseStatus.Closed);
        var later = await app.CreateCaseAsync(idle, "Lotte", "Später");
        await AddFollowUpAsync(erika, Date.PlusDays(-3), "Rückruf Tochter");
        await AddFollowUpAsync(hans, Date, "Pflegegrad-Antrag prüfen");
        await AddFollowUpAsync(hans, Date.PlusDays(-1), "Schon erledigt", done: true);
        await AddFollowUpAsync(gerda, Date.PlusDays(-10), "Hausnotruf");
        await AddFollowUpAsync(closed, Date.PlusDays(-1), "Fall ist zu");
        await AddFollowUpAsync(later, Date.PlusDays(1), "Erst morgen");

        await SendAsync(Date);
        await SendAsync(Date);

        var mine = new[] { sabine.Id, tom.Id, idle.Id };
        var digests = (await DigestsAsync()).Where(d => d.Date == Date && mine.Contains(d.CaseManagerUserId)).ToList();
        Assert.Equal(2, digests.Count);
        var forSabine = Assert.Single(digests, d => d.CaseManagerUserId == sabine.Id);
        Assert.Equal(sabine.Email, forSabine.Email);
        Assert.Equal(Date, forSabine.Date);
        Assert.Equal(
            [(erika.Id, "Erika Müller", "Rückruf Tochter", Date.PlusDays(-3)), (hans.Id, "Hans Schulze", "Pflegegrad-Antrag prüfen", Date)],
            forSabine.Items.Select(i => (i.CaseId, i.ResidentDisplayName, i.Title, i.DueOn)));
        var forTom = Assert.Single(digests, d => d.CaseManagerUserId == tom.Id);
        Assert.Equal(["Hausnotruf"], forTom.Items.Select(i => i.Title));
        Assert.DoesNotContain(digests, d => d.CaseManagerUserId == idle.Id);
    }

    [Fact]
    public async Task A_case_manager_with_nothing_due_yet_gets_the_digest_when_the_date_is_sent_again_later()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, "Nora", "Nachzügler");
        var date = Date.PlusDays(20);

        await SendAsync(date);
        var before = (await DigestsAsync()).Count(d => d.CaseManagerUserId == manager.Id && d.Date == date);
        await AddFollowUpAsync(@case, date, "Nachträglich angelegt");
        await SendAsync(date);

        var after = (await DigestsAsync()).Where(d => d.CaseManagerUserId == manager.Id && d.Date == date).ToList();
        Assert.Equal(0, before);
        Assert.Equal(["Nachträglich angelegt"], Assert.Single(after).Items.Select(i => i.Title));
    }

    [Fact]
    public async Task Each_case_manager_gets_the_digest_as_a_German_e_mail()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Maria Post");
        var @case = await app.CreateCaseAsync(manager, "Waltraud", "Brief");
        await AddFollowUpAsync(@case, Date, "Hausnotruf besprechen");

        await SendAsync(Date);

        // The tracked session waited for the whole cascade: digest → Notifications' mail → the .eml of the pickup transport.
        var mails = Directory.Exists(app.MailPickupDirectory) ? Directory.GetFiles(app.MailPickupDirectory, "*.eml") : [];
        var mail = mails.Select(f => MimeKit.MimeMessage.Load(f))
            .SingleOrDefault(m => m.To.Mailboxes.Any(to => to.Address == manager.Email));
        Assert.True(mail is not null, "no mail for the case manager");
        Assert.Equal("Fällige Wiedervorlagen am 2. März 2026", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("Guten Morgen Maria Post,", body, StringComparison.Ordinal);
        Assert.Contains("Waltraud Brief", body, StringComparison.Ordinal);
        Assert.Contains("Hausnotruf besprechen (fällig am 2. März 2026)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_job_runs_every_morning_at_seven_in_Berlin()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var jobs = await admin.GetStringAsync("/api/admin/jobs");

        using var document = JsonDocument.Parse(jobs);
        var job = document.RootElement.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("key").GetString() == "case-management.send-follow-up-reminders");
        Assert.Equal("0 7 * * *", job.GetProperty("cron").GetString());
    }

    private async Task SendAsync(LocalDate date)
    {
        var tracked = await app.PublishAndTrackAsync(new SendFollowUpReminders(Guid.NewGuid(), QpApp.DefaultStart, date));
        _digests.AddRange(tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<FollowUpsDue>().DistinctBy(d => d.MessageId));
    }

    private Task<List<FollowUpsDue>> DigestsAsync() => Task.FromResult(_digests.ToList());

    private Task AddFollowUpAsync(Case @case, LocalDate dueOn, string title, bool done = false)
        => app.DbAsync(async db =>
        {
            var followUp = new FollowUp { CaseId = @case.Id, DueOn = dueOn, Title = title, CreatedByName = "Test", CreatedAt = QpApp.DefaultStart };
            if (done)
            {
                followUp.MarkDone(true, Guid.NewGuid(), "Test", QpApp.DefaultStart);
            }

            db.Session.Insert(followUp);
            await db.Session.SaveChangesAsync();
            return true;
        });
}
