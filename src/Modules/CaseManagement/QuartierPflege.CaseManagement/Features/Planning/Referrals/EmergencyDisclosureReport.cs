using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

internal sealed record EmergencyDisclosureLine(Instant At, Guid CaseId, string CaseNumber, string PartnerName, string Reason, string By);

internal sealed record EmergencyDisclosureMonth(string Month, IReadOnlyList<EmergencyDisclosureLine> Disclosures);

/// <summary>
/// Koordination's monthly list of referrals sent without the sharing consent (Notfall), by the Berlin calendar month of
/// the override. Overrides are rare, so the steps carrying one are read and the month is picked in memory.
/// </summary>
internal sealed class EmergencyDisclosureReport(IQuerySession session)
{
    public const string BadMonthMessage = "Bitte geben Sie den Monat als JJJJ-MM an, z. B. 2026-11.";

    public static bool TryParseMonth(string? text, out YearMonth month)
    {
        var parsed = string.IsNullOrWhiteSpace(text) ? null : YearMonthPattern.Iso.Parse(text.Trim());
        month = parsed is { Success: true } ? parsed.Value : default;
        return parsed is { Success: true };
    }

    public async Task<EmergencyDisclosureMonth> ForAsync(YearMonth month, CancellationToken cancellationToken)
    {
        var from = Berlin.StartOfDay(month.OnDayOfMonth(1));
        var until = Berlin.StartOfDay(month.PlusMonths(1).OnDayOfMonth(1));
        var steps = (await session.Query<PlanStep>().Where(s => s.ReferralId != null).ToListAsync(cancellationToken))
            .Where(s => s.Referral!.Emergency is { } e && e.At >= from && e.At < until)
            .ToList();
        var caseIds = steps.Select(s => s.CaseId).Distinct().ToList();
        var numbers = caseIds.Count == 0
            ? new Dictionary<Guid, string>()
            : (await session.LoadManyAsync<Case>(cancellationToken, caseIds)).ToDictionary(c => c.Id, c => c.Number);
        var lines = steps
            .Select(s => new EmergencyDisclosureLine(
                s.Referral!.Emergency!.At, s.CaseId, numbers.GetValueOrDefault(s.CaseId, "–"), s.Referral.PartnerName, s.Referral.Emergency.Reason, s.Referral.Emergency.ByName))
            .OrderBy(l => l.At)
            .ToList();
        return new EmergencyDisclosureMonth(YearMonthPattern.Iso.Format(month), lines);
    }
}

internal static class EmergencyDisclosureEndpoints
{
    public static RouteGroupBuilder MapEmergencyDisclosureEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/emergency-disclosures", async (string? month, EmergencyDisclosureReport report, CancellationToken ct) =>
                EmergencyDisclosureReport.TryParseMonth(month, out var m)
                    ? Results.Ok(await report.ForAsync(m, ct))
                    : ApiProblems.Validation("month", EmergencyDisclosureReport.BadMonthMessage))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Notfall-Weitergaben ohne Einwilligung eines Monats (Berliner Kalender), für die Koordination");
        return api;
    }
}
