using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.DataProtection;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Referrals;
using QuartierPflege.Testing;
using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Partners.Tests.DataProtection;

/// <summary>
/// Partners' part of data protection: the sweep anonymises referrals of long-closed cases and deletes the contact
/// persons of long-ended partners (once, also when two sweeps run at once), a resident's copy holds their referrals as
/// the partner got them and nobody else's, erasure removes what was disclosed, and a withdrawn referral is mailed to
/// the partner's contact (real SMTP server).
/// </summary>
public sealed class PartnersDataProtectionTests(PartnersDataProtectionTests.App app) : IClassFixture<PartnersDataProtectionTests.App>
{
    private const string Summary = "Herr K. braucht Hilfe im Haushalt nach einem Sturz.";

    [Fact]
    public async Task The_sweep_anonymises_referrals_of_cases_closed_over_three_years_ago_and_deletes_contacts_of_long_ended_partners_once()
    {
        var today = Berlin.Today(app.Clock);
        var partner = await PartnerAsync("Pflegedienst Lange vorbei", PartnerStatus.Ended, today.PlusYears(-1).PlusDays(-1));
        var recentlyEnded = await PartnerAsync("Pflegedienst Gerade beendet", PartnerStatus.Ended, today.PlusYears(-1));
        var due = await ReferralAsync(partner, Guid.NewGuid(), closedOn: today.PlusYears(-3).PlusDays(-1));
        var notYet = await ReferralAsync(partner, Guid.NewGuid(), closedOn: today.PlusYears(-3));
        var open = await ReferralAsync(partner, Guid.NewGuid(), closedOn: null);

        var periods = await PeriodsAsync();
        var forecast = await app.InScopeAsync(sp => Holder(sp).DueAsync(today, periods, CancellationToken.None));
        Assert.Equal(1, Count(forecast, PartnersPersonalData.ReferralKey).Anonymised);

        // Two sweeps at once (a duplicate delivery, or a second Host): every record is counted by one of them.
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var tracked = await app.SweepAtOnceAsync(today, periods, first, second);
        var replies = Swept(tracked);
        Assert.Equal(new[] { first, second }.Order(), replies.Select(r => r.SweepId).Order());
        Assert.Equal(1, replies.Sum(r => Count(r.Counts, PartnersPersonalData.ReferralKey).Anonymised));
        Assert.Equal(1, replies.Sum(r => Count(r.Counts, PartnersPersonalData.ContactPersonKey).Deleted));

        var again = Swept(await app.PublishAndTrackAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), today, periods)));
        Assert.All(Assert.Single(again).Counts, c => Assert.Equal((0, 0), (c.Anonymised, c.Deleted)));

        var anonymised = await LoadAsync<PartnerReferral>(due);
        Assert.Equal(PartnersRetention.Anonymised, anonymised.DisclosedSummary);
        Assert.Null(anonymised.Resident);
        Assert.Equal((ServiceCategories.Pflegedienst, "Hartha", PartnerReferralStatus.CaseClosed, today),
            (anonymised.ServiceCategory, anonymised.Quartier, anonymised.Status, anonymised.AnonymisedOn!.Value));
        Assert.Equal(Summary, (await LoadAsync<PartnerReferral>(notYet)).DisclosedSummary);
        Assert.Equal(Summary, (await LoadAsync<PartnerReferral>(open)).DisclosedSummary);
        var ended = await LoadAsync<Partner>(partner);
        Assert.Empty(ended.ContactPersons);
        Assert.Equal("Pflegedienst Lange vorbei", ended.Name);
        Assert.Single((await LoadAsync<Partner>(recentlyEnded)).ContactPersons);
    }

    [Fact]
    public async Task A_residents_copy_holds_the_referrals_of_their_cases_as_disclosed_and_erasure_removes_what_was_disclosed()
    {
        var today = Berlin.Today(app.Clock);
        var partner = await PartnerAsync("Haushaltshilfe Auskunft", PartnerStatus.Active, null);
        var caseId = Guid.NewGuid();
        var theirs = await ReferralAsync(partner, caseId, closedOn: today.PlusDays(-10), resident: new ReferralResident("Karl Kunze", "Ringstraße", "4", null, "04720", "Döbeln", "03431 12345"));
        var otherResidents = await ReferralAsync(partner, Guid.NewGuid(), closedOn: null, resident: new ReferralResident("Erna Nachbarin", "Ringstraße", "6", null, "04720", "Döbeln", null));
        var subject = new DataSubject(DataSubjectKind.Resident, Guid.NewGuid(), "Karl Kunze", [caseId], null);

        var section = await app.InScopeAsync(sp => Holder(sp).ExportAsync(subject, CancellationToken.None));
        var record = Assert.Single(section.Records);
        Assert.Equal(PartnersPersonalData.ReferralKey, record.KindKey);
        Assert.Contains(record.Fields, f => f.Label == "An den Partner weitergegeben" && f.Value == Summary);
        Assert.Contains(record.Fields, f => f.Label == "Kontaktdaten" && f.Value!.StartsWith("Karl Kunze, Ringstraße 4", StringComparison.Ordinal));
        Assert.DoesNotContain(section.Records.SelectMany(r => r.Fields), f => f.Value?.Contains("Erna", StringComparison.Ordinal) == true);
        Assert.Empty(await app.InScopeAsync(sp => Holder(sp).ErasureObjectionsAsync(subject, CancellationToken.None)));
        var neighbour = subject with { CaseIds = [(await LoadAsync<PartnerReferral>(otherResidents)).CaseId] };
        Assert.Contains("noch offen", Assert.Single(await app.InScopeAsync(sp => Holder(sp).ErasureObjectionsAsync(neighbour, CancellationToken.None))), StringComparison.Ordinal);

        var requestId = Guid.NewGuid();
        var erased = Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, subject, today)));
        var line = Assert.Single(Assert.Single(erased).Lines);
        Assert.Equal((PartnersPersonalData.ReferralKey, 1, 0), (line.KindKey, line.Erased, line.Restricted));
        var stored = await LoadAsync<PartnerReferral>(theirs);
        Assert.Null(stored.Resident);
        Assert.Equal(PartnersRetention.Anonymised, stored.DisclosedSummary);
        Assert.Equal((ServiceCategories.Pflegedienst, "Hartha"), (stored.ServiceCategory, stored.Quartier));
        Assert.Equal("Erna Nachbarin", (await LoadAsync<PartnerReferral>(otherResidents)).Resident!.Name);

        var repeated = Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, subject, today)));
        Assert.Empty(Assert.Single(repeated).Lines);
    }

    [Fact]
    public async Task A_referral_withdrawn_for_a_withdrawn_consent_is_mailed_to_the_partners_contact_once_naming_only_the_referral_and_the_cause()
    {
        var partner = await PartnerAsync("Pflegedienst Rückzug", PartnerStatus.Active, null);
        var referral = await ReferralAsync(partner, Guid.NewGuid(), closedOn: null, resident: new ReferralResident("Karl Kunze", "Ringstraße", "4", null, "04720", "Döbeln", null));
        const string caseReason = "Herr Kunze hat nach dem Sturz die Einwilligung zur Weitergabe widerrufen.";

        var tracked = await app.PublishAndTrackAsync(new ReferralWithdrawn(Guid.NewGuid(), app.Clock.GetCurrentInstant(), referral, caseReason, ReferralWithdrawalCause.ConsentWithdrawn));

        var notice = tracked.Sent.SingleMessage<ReferralWithdrawalNotice>();
        Assert.Equal((referral, "ruecken@example.org", "Einwilligung widerrufen"), (notice.ReferralId, notice.Email, notice.Reason));
        await Eventually.UntilAsync(() => Task.FromResult(app.Smtp.Messages.Any(m => m.To[0].Address == "ruecken@example.org")), "the withdrawal mail at the SMTP server");
        var mail = Assert.Single(app.Smtp.Messages, m => m.To[0].Address == "ruecken@example.org");
        Assert.StartsWith("Vermittlung zurückgezogen", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Grund: Einwilligung widerrufen", mail.TextBody, StringComparison.Ordinal);
        // Asked 30 days before the fixture's fixed morning (2 March 2026).
        Assert.Contains("(Pflegedienst in Hartha) vom 31. Januar 2026 an Pflegedienst Rückzug zurückgezogen", mail.TextBody, StringComparison.Ordinal);
        foreach (var undisclosed in new[] { "Kunze", "Ringstraße", "Sturz", "Haushalt" })
        {
            Assert.DoesNotContain(undisclosed, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(undisclosed, mail.HtmlBody, StringComparison.Ordinal);
        }

        var stored = await LoadAsync<PartnerReferral>(referral);
        Assert.Equal((PartnerReferralStatus.Withdrawn, caseReason), (stored.Status, stored.Reason));
        var twice = await app.PublishAndTrackAsync(new ReferralWithdrawn(Guid.NewGuid(), app.Clock.GetCurrentInstant(), referral, caseReason, ReferralWithdrawalCause.ConsentWithdrawn));
        Assert.Empty(twice.Sent.MessagesOf<ReferralWithdrawalNotice>());
    }

    [Fact]
    public async Task Reading_a_partners_contacts_leaves_an_entry_coordination_sees_that_the_database_refuses_to_change_and_the_sweep_deletes_after_two_years()
    {
        var partner = await PartnerAsync("Beratung Protokoll", PartnerStatus.Active, null);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync($"/api/partners/{partner}")).StatusCode);
        Assert.DoesNotContain("Zugriffe auf die Ansprechpersonen", await caseManager.GetStringAsync($"/Partners/{partner}"), StringComparison.Ordinal);

        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var page = WebUtility.HtmlDecode(await coordination.GetStringAsync($"/Partners/{partner}"));

        var reads = await ReadsAsync(partner);
        Assert.Equal(3, reads.Count);
        Assert.Equal(["API", "Partnerseite", "Partnerseite"], reads.Select(r => r.Where).Order());
        Assert.All(reads, r => Assert.False(string.IsNullOrWhiteSpace(r.ReaderName)));
        Assert.Contains("Zugriffe auf die Ansprechpersonen", page, StringComparison.Ordinal);
        Assert.Contains(reads.Single(r => r.Where == "API").ReaderName, page, StringComparison.Ordinal);

        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var update = dataSource.CreateCommand($"UPDATE {PartnerDocuments.ContactReads} SET data = data WHERE id = $1"))
        {
            update.Parameters.AddWithValue(reads[0].Id);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
            Assert.Contains("nur fortschreibbar", refused.MessageText, StringComparison.Ordinal);
        }

        var today = Berlin.Today(app.Clock);
        var periods = await PeriodsAsync();
        var swept = Swept(await app.PublishAndTrackAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), today.PlusYears(2).PlusDays(1), periods)));
        Assert.True(Count(Assert.Single(swept).Counts, PartnersPersonalData.ContactReadKey).Deleted >= 3);
        Assert.Empty(await ReadsAsync(partner));
    }

    private Task<IReadOnlyList<PartnerContactRead>> ReadsAsync(Guid partnerId) => app.InScopeAsync(async sp =>
        await sp.GetRequiredService<IQuerySession>().Query<PartnerContactRead>().Where(r => r.PartnerId == partnerId).ToListAsync());

    private static IPersonalDataHolder Holder(IServiceProvider sp) => sp.HolderOf(PartnersPersonalData.ModuleName);

    private static RetentionCount Count(IEnumerable<RetentionCount> counts, string key) => counts.Single(c => c.KindKey == key);

    /// <summary>The answers, whether or not a module (the data-protection module) receives them in this Host.</summary>
    private static IReadOnlyList<RetentionSwept> Swept(ITrackedSession tracked) => tracked.SweptBy(PartnersPersonalData.ModuleName);

    private static IReadOnlyList<DataSubjectErased> Erased(ITrackedSession tracked) => tracked.ErasedBy(PartnersPersonalData.ModuleName);

    private Task<RetentionPeriods> PeriodsAsync() => Task.FromResult(app.DefaultRetentionPeriods());

    private Task<T> LoadAsync<T>(Guid id)
        where T : notnull
        => app.InScopeAsync(async sp => (await sp.GetRequiredService<IQuerySession>().LoadAsync<T>(id))!);

    private Task<Guid> PartnerAsync(string name, PartnerStatus status, LocalDate? from) => app.InScopeAsync(async sp =>
    {
        var session = sp.GetRequiredService<IDocumentSession>();
        var partner = new Partner
        {
            Name = name,
            Kind = PartnerKinds.Pflegedienst,
            ServiceCategories = [Contracts.ServiceCategories.Pflegedienst],
            Quartiere = ["Hartha"],
            Status = status,
            StatusFrom = from,
            ContactPersons = [new ContactPerson("Frau Rücker", "Leitung", "03431 99999", name == "Pflegedienst Rückzug" ? "ruecken@example.org" : "kontakt@example.org", true)],
        };
        session.Insert(partner);
        await session.SaveChangesAsync();
        return partner.Id;
    });

    private Task<Guid> ReferralAsync(Guid partnerId, Guid caseId, LocalDate? closedOn, ReferralResident? resident = null) => app.InScopeAsync(async sp =>
    {
        var session = sp.GetRequiredService<IDocumentSession>();
        var referral = new PartnerReferral
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            PartnerId = partnerId,
            PartnerName = "Partner",
            ServiceCategory = ServiceCategories.Pflegedienst,
            Quartier = "Hartha",
            DisclosedSummary = Summary,
            Resident = resident,
            RequestedAt = app.Clock.GetCurrentInstant() - Duration.FromDays(30),
            Status = closedOn is null ? PartnerReferralStatus.Open : PartnerReferralStatus.CaseClosed,
            CaseClosedOn = closedOn,
        };
        session.Insert(referral);
        await session.SaveChangesAsync();
        return referral.Id;
    });

    public sealed class App : QpApp
    {
        public SmtpTestServer Smtp { get; } = new();

        public override async Task InitializeAsync()
        {
            await Smtp.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override void Configure(IDictionary<string, string?> settings) => Smtp.AddHostSettings(settings);
    }
}
