using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.DataProtection;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Notifications.Tests.Mail;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Notifications.Tests.DataProtection;

/// <summary>
/// Notifications' part of data protection: which mail bodies are kept, the sweep removing them after 90 days (once),
/// and a volunteer's copy and erasure of the mails to their address.
/// </summary>
public sealed class MailDataProtectionTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_mail_to_a_volunteer_keeps_its_text_and_a_mail_naming_a_resident_keeps_none()
    {
        var toVolunteer = SampleMails.SendMail("behalten@example.org");
        var aboutResident = SampleMails.SendMail("fallmanagement@example.org", kind: SampleMails.FollowUpsDueTemplate);

        await app.SendAndTrackAsync(toVolunteer);
        await app.SendAndTrackAsync(aboutResident);

        Assert.Equal(toVolunteer.TextBody, (await app.SentMailAsync(toVolunteer.MessageId))!.TextBody);
        Assert.Null((await app.SentMailAsync(aboutResident.MessageId))!.TextBody);
    }

    [Fact]
    public async Task The_sweep_removes_bodies_older_than_90_days_keeps_younger_ones_and_counts_each_once()
    {
        var today = Berlin.Today(app.Clock);
        var old = await MailAsync("alt@example.org", today.PlusDays(-91));
        var young = await MailAsync("jung@example.org", today.PlusDays(-89));
        var periods = await PeriodsAsync();

        var forecast = await app.InScopeAsync(sp => Holder(sp).DueAsync(today, periods, CancellationToken.None));
        Assert.Equal(1, forecast.Single(c => c.KindKey == NotificationsPersonalData.MailBodyKey).Deleted);
        var first = Swept(await app.PublishAndTrackAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), today, periods)));
        var second = Swept(await app.PublishAndTrackAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), today, periods)));

        Assert.Equal(1, first.Counts.Single(c => c.KindKey == NotificationsPersonalData.MailBodyKey).Deleted);
        Assert.All(second.Counts, c => Assert.Equal((0, 0), (c.Anonymised, c.Deleted)));
        var oldMail = (await app.SentMailAsync(old))!;
        Assert.Null(oldMail.TextBody);
        Assert.Equal(("alt@example.org", today), (oldMail.Recipient, oldMail.BodyRemovedOn!.Value));
        Assert.Equal("Text an jung@example.org", (await app.SentMailAsync(young))!.TextBody);
    }

    [Fact]
    public async Task A_volunteers_copy_holds_the_mails_to_their_address_and_erasure_deletes_them()
    {
        var today = Berlin.Today(app.Clock);
        await MailAsync("Grete.Kopie@example.org", today.PlusDays(-3));
        await MailAsync("andere@example.org", today.PlusDays(-3));
        var volunteer = new DataSubject(DataSubjectKind.Volunteer, Guid.NewGuid(), "Grete Kopie", [], "grete.kopie@example.org");

        var section = await app.InScopeAsync(sp => Holder(sp).ExportAsync(volunteer, CancellationToken.None));
        var record = Assert.Single(section.Records);
        Assert.Contains(record.Fields, f => f.Label == "Inhalt" && f.Value == "Text an Grete.Kopie@example.org");
        var resident = new DataSubject(DataSubjectKind.Resident, Guid.NewGuid(), "Karl Kunze", [Guid.NewGuid()], null);
        Assert.Empty((await app.InScopeAsync(sp => Holder(sp).ExportAsync(resident, CancellationToken.None))).Records);

        var requestId = Guid.NewGuid();
        var erased = Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, volunteer, today)));
        Assert.Equal((NotificationsPersonalData.MailRecordKey, 1), (Assert.Single(erased.Lines).KindKey, erased.Lines[0].Erased));
        Assert.Empty((await app.InScopeAsync(sp => Holder(sp).ExportAsync(volunteer, CancellationToken.None))).Records);
        Assert.Single((await app.InScopeAsync(sp => Holder(sp).ExportAsync(volunteer with { Email = "andere@example.org" }, CancellationToken.None))).Records);
        Assert.Empty(Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, volunteer, today))).Lines);
    }

    private static IPersonalDataHolder Holder(IServiceProvider sp) => sp.HolderOf(NotificationsPersonalData.ModuleName);

    private static RetentionSwept Swept(ITrackedSession tracked) => tracked.SweptBy(NotificationsPersonalData.ModuleName).Single();

    private static DataSubjectErased Erased(ITrackedSession tracked) => tracked.ErasedBy(NotificationsPersonalData.ModuleName).Single();

    private Task<RetentionPeriods> PeriodsAsync() => Task.FromResult(app.DefaultRetentionPeriods());

    private Task<Guid> MailAsync(string recipient, LocalDate sentOn) => app.InScopeAsync(async sp =>
    {
        var session = sp.GetRequiredService<IDocumentSession>();
        var mail = new SentMail
        {
            Id = Guid.NewGuid(),
            Kind = SampleMails.TestMailTemplate,
            Recipient = recipient,
            Subject = "Betreff",
            SentAt = Berlin.StartOfDay(sentOn) + Duration.FromHours(10),
            Attempts = 1,
            TextBody = $"Text an {recipient}",
        };
        session.Insert(mail);
        await session.SaveChangesAsync();
        return mail.Id;
    });
}
