using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.CaseManagement.Tests.Planning;

/// <summary>
/// The emergency override (Notfall): a referral without the sharing consent goes out only with a reason; coordination is
/// mailed at once (real SMTP server), and the override shows on the plan, on the case and in the monthly report.
/// </summary>
public sealed class EmergencyDisclosureTests(MailingApp app) : IClassFixture<MailingApp>, IAsyncLifetime
{
    private const string Reason = "Akute Gefahr: Gasgeruch in der Wohnung, Bewohnerin allein und nicht ansprechbar.";

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_consent_a_referral_goes_out_only_with_a_reason_and_coordination_is_told_at_once()
    {
        var coordinator = await app.CreateUserAsync(Roles.Koordination, "Koordinatorin Anke Voigt");
        var coordination = await app.SignedInClientAsync(coordinator);
        var @case = await app.CaseAsync();
        var careService = (await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>()
            .FindPartnersAsync(ServiceCategories.Pflegedienst, PlanningTestData.Quartier, CancellationToken.None)))[0];
        var problemId = await @case.AddProblemAsync("CareNeed");
        var steps = $"{@case.Api}/problems/{problemId}/steps";
        object Referral(bool emergency, string? reason) => new
        {
            kind = "Referral",
            title = "Pflegedienst sofort einschalten",
            owner = "Jens Richter",
            dueOn = "2026-03-16",
            isMilestone = false,
            referral = new
            {
                partnerId = careService.PartnerId,
                serviceCategory = ServiceCategories.Pflegedienst,
                disclosedSummary = "Braucht heute noch einen Besuch.",
                discloseContactDetails = true,
                emergency,
                emergencyReason = reason,
            },
        };

        HttpResponseMessage? refused = null;
        var refusedSession = await app.TrackAsync(async () => refused = await @case.Client.PostAsJsonAsync(steps, Referral(emergency: true, reason: "  ")));
        Assert.Contains("Bitte begründen Sie die Notfall-Weitergabe", await refused!.FieldErrorAsync("referral.emergencyReason"));
        var tooLong = await @case.Client.PostAsJsonAsync(steps, Referral(emergency: true, reason: new string('x', 1001)));
        Assert.Contains("höchstens 1000 Zeichen", await tooLong.FieldErrorAsync("referral.emergencyReason"));
        var noEmergency = await @case.Client.PostAsJsonAsync(steps, Referral(emergency: false, reason: null));
        Assert.Contains("Weitergabe an Netzwerkpartner", await noEmergency.FieldErrorAsync("consent"));
        Assert.Empty(refusedSession.Published<ReferralRequested>());
        Assert.Empty(refusedSession.Published<EmergencyDisclosureMade>());
        Assert.Equal(0, await app.QueryAsync(db => db.Steps.CountAsync(s => s.CaseId == @case.CaseId)));

        HttpResponseMessage? sent = null;
        var sentSession = await app.TrackAsync(async () => sent = await @case.Client.PostAsJsonAsync(steps, Referral(emergency: true, reason: Reason)));
        var stepId = (await sent!.ShouldBeAsync<JsonElement>(201)).GetProperty("id").GetGuid();
        var referral = Assert.Single(sentSession.Published<ReferralRequested>());
        var told = Assert.Single(sentSession.Published<EmergencyDisclosureMade>());
        Assert.Equal(referral.ReferralId, told.ReferralId);
        Assert.Equal(@case.CaseId, told.CaseId);
        Assert.Equal(Reason, told.Reason);
        Assert.Equal(@case.Manager.DisplayName, told.By);

        await Eventually.UntilAsync(() => Task.FromResult(app.Smtp.Messages.Any(m => m.To[0].Address == coordinator.Email)), "coordination's mail at the SMTP server");
        var mail = Assert.Single(app.Smtp.Messages, m => m.To[0].Address == coordinator.Email);
        Assert.StartsWith($"Notfall-Weitergabe ohne Einwilligung im Fall {told.CaseNumber}", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(Reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(careService.Name, mail.TextBody, StringComparison.Ordinal);
        foreach (var undisclosed in new[] { "Krause", "Bahnhofstraße", "Braucht heute" })
        {
            Assert.DoesNotContain(undisclosed, mail.TextBody, StringComparison.Ordinal);
        }

        var onPlan = (await @case.PlanAsync()).Step(stepId).GetProperty("referral").GetProperty("emergency");
        Assert.Equal(Reason, onPlan.GetProperty("reason").GetString());
        Assert.Equal(@case.Manager.DisplayName, onPlan.GetProperty("by").GetString());
        var casePage = await @case.Client.GetStringAsync($"/CaseManagement/Faelle/{@case.CaseId}");
        Assert.Contains("Notfall-Weitergabe ohne Einwilligung", casePage, StringComparison.Ordinal);
        Assert.Contains(Reason, casePage, StringComparison.Ordinal);

        var month = YearMonthPattern.Iso.Format(app.Clock.GetCurrentInstant().InBerlin().Date.ToYearMonth());
        var report = await (await coordination.GetAsync($"/api/case-management/emergency-disclosures?month={month}")).ShouldBeAsync<JsonElement>(200);
        var line = Assert.Single(report.GetProperty("disclosures").EnumerateArray(), l => l.GetProperty("caseId").GetGuid() == @case.CaseId);
        Assert.Equal(Reason, line.GetProperty("reason").GetString());
        Assert.Equal(told.CaseNumber, line.GetProperty("caseNumber").GetString());
        var reportPage = await coordination.GetStringAsync($"/CaseManagement/Notfallweitergaben?monat={month}");
        Assert.Contains(Reason, reportPage, StringComparison.Ordinal);
        Assert.Contains(told.CaseNumber, reportPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_is_for_coordination_and_refuses_a_malformed_month_in_German()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);

        var bad = await coordination.GetAsync("/api/case-management/emergency-disclosures?month=11-2026");
        Assert.Contains("JJJJ-MM", await bad.FieldErrorAsync("month"));
        var badPage = await coordination.GetStringAsync("/CaseManagement/Notfallweitergaben?monat=November");
        Assert.Contains("error-summary", badPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/api/case-management/emergency-disclosures?month=2026-11")).StatusCode);
    }
}
