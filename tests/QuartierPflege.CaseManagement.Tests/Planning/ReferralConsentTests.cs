using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Tests.Support;
using Wolverine.Tracking;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Planning;

/// <summary>
/// Referrals against the real consent records and the real partner directory (no test doubles): what a case manager
/// records as consent on the resident's page is what decides whether anything is disclosed.
/// </summary>
public sealed class ReferralConsentTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_referral_needs_the_recorded_share_consent_and_after_its_withdrawal_nothing_more_is_disclosed()
    {
        var @case = await app.CaseAsync();
        var careService = (await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>()
            .FindPartnersAsync(ServiceCategories.Pflegedienst, PlanningTestData.Quartier, CancellationToken.None)))[0];
        var problemId = await @case.AddProblemAsync("CareNeed");
        var steps = $"{@case.Api}/problems/{problemId}/steps";
        object Referral(string title) => new
        {
            kind = "Referral",
            title,
            owner = "Jens Richter",
            dueOn = "2026-03-16",
            isMilestone = false,
            referral = new
            {
                partnerId = careService.PartnerId,
                serviceCategory = ServiceCategories.Pflegedienst,
                disclosedSummary = "Braucht Hilfe beim Duschen, zweimal wöchentlich.",
                discloseContactDetails = false,
                respondBy = "2026-03-09",
            },
        };

        var withoutConsent = await @case.Client.PostAsJsonAsync(steps, Referral("Pflegedienst anfragen"));
        Assert.Contains("Weitergabe an Netzwerkpartner", await withoutConsent.FieldErrorAsync("consent"));

        var consentId = await @case.Client.GiveConsentAsync(@case.ResidentId,
            new { purpose = "ShareWithPartners", serviceCategory = ServiceCategories.Pflegedienst, givenOn = "2026-03-02", form = "Written" });
        var withConsent = await @case.Client.PostAsJsonAsync(steps, Referral("Pflegedienst anfragen"));
        Assert.Equal(HttpStatusCode.Created, withConsent.StatusCode);

        HttpResponseMessage? withdrawn = null;
        var tracked = await app.TrackAsync(async () => withdrawn = await @case.Client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{@case.ResidentId}/consents/{consentId}/withdraw", new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true }));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn!.StatusCode);
        // The referral that relied on the consent is withdrawn with it, and the partner is told.
        var told = Assert.Single(tracked.Sent.MessagesOf<ReferralWithdrawn>().DistinctBy(m => m.MessageId));
        Assert.Equal(ConsentWithdrawalEffects.ReferralReason, told.Reason);
        var step = await app.QueryAsync(db => db.Steps.SingleAsync(s => s.CaseId == @case.CaseId));
        Assert.Equal(ReferralStatus.Withdrawn, step.Referral!.Status);
        Assert.Equal(StepStatus.Cancelled, step.Status);
        var afterWithdrawal = await @case.Client.PostAsJsonAsync(steps, Referral("Zweiten Pflegedienst anfragen"));
        Assert.Contains("Weitergabe an Netzwerkpartner", await afterWithdrawal.FieldErrorAsync("consent"));
    }
}
