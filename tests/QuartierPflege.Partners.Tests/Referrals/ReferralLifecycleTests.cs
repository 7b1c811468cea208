using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Partners.Tests.Referrals;

/// <summary>
/// A referral's life across the modules: Case Management's step publishes it, Partners lists it and Notifications
/// mails the partner (real SMTP server), coordination records the answers over HTTP and the case shows them.
/// </summary>
public sealed class ReferralLifecycleTests(ReferralLifecycleTests.App app) : IClassFixture<ReferralLifecycleTests.App>, IAsyncLifetime
{
    private const string Summary = "Frau W. braucht Hilfe beim Einkaufen und bei der Wohnungsreinigung, zweimal pro Woche.";

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_referral_is_requested_mailed_with_only_the_consented_facts_accepted_and_completed_with_its_response_time()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var caseManager = await app.SignedInClientAsync(manager);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var partner = await PartnerAsync(DemoPartners.OnlyHouseholdHelpInHartha);
        var cases = new CaseManagementApi(caseManager);

        (Guid CaseId, Guid ReferralId) opened = default;
        var requested = await app.TrackAsync(async () => opened = await cases.OpenCaseWithReferralAsync(
            partner.PartnerId, ServiceCategories.Haushaltshilfe, DemoPartners.Hartha, discloseContact: false, Summary, RespondBy()));

        Assert.Equal([opened.ReferralId], requested.Sent.MessagesOf<ReferralRequested>().Select(m => m.ReferralId).Distinct());
        await Eventually.UntilAsync(() => Task.FromResult(app.Smtp.Messages.Any(m => m.To[0].Address == partner.ReferralEmail)), "the referral mail at the SMTP server");
        var mail = Assert.Single(app.Smtp.Messages, m => m.To[0].Address == partner.ReferralEmail);
        Assert.StartsWith("Neue Vermittlung: Haushaltshilfe in Hartha", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(Summary, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kontaktdaten wurden nicht freigegeben", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Bitte antworten Sie bis zum {RespondBy().ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))}", mail.TextBody, StringComparison.Ordinal);
        foreach (var undisclosed in new[] { "Wendt", "Lindenstraße", "034328 77777", "Braucht Hilfe", opened.CaseId.ToString() })
        {
            Assert.DoesNotContain(undisclosed, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(undisclosed, mail.HtmlBody, StringComparison.Ordinal);
        }

        var listed = await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/referrals/{opened.ReferralId}");
        Assert.Equal("Open", listed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("resident").ValueKind);

        app.Clock.Advance(Duration.FromHours(5));
        var accepted = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await coordination.PostAsJsonAsync(
            $"/api/partners/referrals/{opened.ReferralId}/answer", new { answer = "Accept", contactPerson = "Frau Roth", version = 1 })).StatusCode));
        Assert.Equal("Frau Roth", accepted.Sent.SingleMessage<ReferralAccepted>().ContactPerson);
        var step = await cases.ReferralStepAsync(opened.CaseId);
        Assert.Equal("Accepted", step.GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal(5.0, step.GetProperty("referral").GetProperty("responseHours").GetDouble());

        app.Clock.Advance(Duration.FromDays(10));
        // Ten days on, the sign-in of the morning has expired: people sign in again.
        coordination = await app.SignedInClientAsync(Roles.Koordination);
        caseManager = await app.SignedInClientAsync(manager);
        var completed = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await coordination.PostAsJsonAsync(
            $"/api/partners/referrals/{opened.ReferralId}/answer", new { answer = "Complete", successful = true, version = 2 })).StatusCode));
        Assert.True(completed.Sent.SingleMessage<ReferralCompleted>().Successful);
        Assert.Equal("CompletedSuccessfully", (await new CaseManagementApi(caseManager).ReferralStepAsync(opened.CaseId)).GetProperty("referral").GetProperty("status").GetString());
        var times = (await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.PartnerId}")).GetProperty("responseTimes");
        Assert.True(times.GetProperty("count").GetInt32() >= 1);
        var page = WebUtility.HtmlDecode(await coordination.GetStringAsync($"/Partners/{partner.PartnerId}"));
        Assert.Contains("Antwortzeiten (letzte 12 Monate)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_referral_shows_on_the_case_as_declined_with_the_reason_and_a_decline_needs_a_reason()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var partner = await PartnerAsync("Alltagshelfer Mittelsachsen");
        var cases = new CaseManagementApi(caseManager);
        (Guid CaseId, Guid ReferralId) opened = default;
        await app.TrackAsync(async () => opened = await cases.OpenCaseWithReferralAsync(
            partner.PartnerId, ServiceCategories.Haushaltshilfe, DemoPartners.Nord, discloseContact: true, Summary, RespondBy()));

        var withoutReason = await coordination.PostAsJsonAsync($"/api/partners/referrals/{opened.ReferralId}/answer", new { answer = "Decline", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal("Bitte geben Sie an, warum der Partner ablehnt.",
            (await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var declined = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await coordination.PostAsJsonAsync(
            $"/api/partners/referrals/{opened.ReferralId}/answer", new { answer = "Decline", reason = "Keine freien Termine bis Mai.", version = 1 })).StatusCode));

        Assert.Equal("Keine freien Termine bis Mai.", declined.Sent.SingleMessage<ReferralDeclined>().Reason);
        var referral = (await cases.ReferralStepAsync(opened.CaseId)).GetProperty("referral");
        Assert.Equal("Declined", referral.GetProperty("status").GetString());
        Assert.Equal("Keine freien Termine bis Mai.", referral.GetProperty("reason").GetString());
        var plan = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/CaseManagement/Faelle/{opened.CaseId}/Plan"));
        Assert.Contains("Keine freien Termine bis Mai.", plan, StringComparison.Ordinal);
        var listed = await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/referrals/{opened.ReferralId}");
        Assert.Equal("Ilse Wendt", listed.GetProperty("resident").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unanswered_referral_is_listed_as_overdue_and_reminded_once_a_day()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var partner = await PartnerAsync("Haushaltshilfe Fleißige Hände");
        (Guid CaseId, Guid ReferralId) opened = default;
        await app.TrackAsync(async () => opened = await new CaseManagementApi(caseManager).OpenCaseWithReferralAsync(
            partner.PartnerId, ServiceCategories.Haushaltshilfe, DemoPartners.Ost, discloseContact: false, Summary, RespondBy()));

        var respondBy = RespondBy();
        app.Clock.Advance(Duration.FromDays(5));
        var day = QuartierPflege.BuildingBlocks.Time.Berlin.Today(app.Clock);
        Assert.True(day > respondBy);
        coordination = await app.SignedInClientAsync(Roles.Koordination);
        var first = await app.PublishAndTrackAsync(new CheckOverdueReferrals(Guid.NewGuid(), app.Clock.GetCurrentInstant(), day));
        var again = await app.PublishAndTrackAsync(new CheckOverdueReferrals(Guid.NewGuid(), app.Clock.GetCurrentInstant(), day));

        Assert.Contains(first.Sent.MessagesOf<ReferralOverdue>(), r => r.ReferralId == opened.ReferralId && r.Email == partner.ReferralEmail);
        Assert.DoesNotContain(again.Sent.MessagesOf<ReferralOverdue>(), r => r.ReferralId == opened.ReferralId);
        Assert.Contains(first.Sent.MessagesOf<SendMail>(), m => m.Kind == ReferralOverdue.MessageName && m.RecipientAddress == partner.ReferralEmail);
        var overdue = await coordination.GetFromJsonAsync<JsonElement>("/api/partners/referrals?overdue=true");
        Assert.Contains(overdue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == opened.ReferralId);
    }

    // Relative to the fixture's clock: the tests of this class share it and one moves it on.
    private LocalDate RespondBy() => QuartierPflege.BuildingBlocks.Time.Berlin.Today(app.Clock).PlusDays(4);

    private Task<PartnerListing> PartnerAsync(string name)
        => app.InScopeAsync(async sp => (await sp.GetRequiredService<IQuerySession>().Query<Domain.Partner>().SingleAsync(p => p.Name == name)).ToListing());

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
