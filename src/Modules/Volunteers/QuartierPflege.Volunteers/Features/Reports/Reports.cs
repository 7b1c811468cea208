using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Trainings;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.Features.Reports;

/// <summary>A coordinator's table: a German title, the header and the rows as text (the page and the CSV show the same).</summary>
internal sealed record Report(string Key, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The coordinators' views: roster, lapsing certificates, unconfirmed logs, inactive volunteers, training hours.</summary>
internal sealed class CoordinatorReports(IQuerySession session, IClock clock)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        ("einsatzliste", "Ehrenamtliche nach Quartier und Rolle"),
        ("ablaufende-nachweise", "Nachweise, die in den nächsten 60 Tagen ablaufen"),
        ("unbestaetigte-nachweise", "Unbestätigte Einsatznachweise (älteste zuerst)"),
        ("ohne-aktivitaet", "Ehrenamtliche ohne Einsatz seit 30 Tagen"),
        ("schulungsstunden", "Schulungsstunden je Person (letzte 12 Monate)"),
    ];

    public async Task<Report?> BuildAsync(string key, CancellationToken cancellationToken)
    {
        var title = All.FirstOrDefault(r => r.Key == key).Title;
        if (title is null)
        {
            return null;
        }

        var today = clock.Today();
        var volunteers = (await session.Query<Volunteer>().Where(v => v.Status == VolunteerStatus.Confirmed).ToListAsync(cancellationToken)).ToDictionary(v => v.Id);
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        string RoleName(string k) => roles.TryGetValue(k, out var r) ? r.Name : k;
        string Name(Guid id) => volunteers.TryGetValue(id, out var v) ? v.DisplayName : "–";
        switch (key)
        {
            case "einsatzliste":
                return new Report(key, title, ["Quartier", "Rolle", "Name", "Status", "Telefon", "E-Mail"],
                    [.. volunteers.Values.SelectMany(v => v.Enrolments.Where(e => e.State != EnrolmentState.Ended).Select(e => (v, e)))
                        .OrderBy(x => x.v.Quartier, StringComparer.Ordinal).ThenBy(x => RoleName(x.e.RoleProfileKey), StringComparer.Ordinal).ThenBy(x => x.v.LastName, StringComparer.Ordinal)
                        .Select(x => (IReadOnlyList<string>)[x.v.Quartier, RoleName(x.e.RoleProfileKey), x.v.DisplayName, TrainingFeatures.StateName(x.e.State), x.v.Phone, x.v.Email])]);
            case "ablaufende-nachweise":
            {
                var until = today.PlusDays(60);
                var lapsing = await session.Query<Certificate>().Where(c => c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= until && c.Verified)
                    .OrderBy(c => c.ExpiresOn).ToListAsync(cancellationToken);
                return new Report(key, title, ["Name", "Nachweis", "Läuft ab am", "Tage"],
                    [.. lapsing.Where(c => volunteers.ContainsKey(c.VolunteerId)).Select(c => (IReadOnlyList<string>)[Name(c.VolunteerId), c.CourseName, GermanDates.Show(c.ExpiresOn!.Value),
                        Period.Between(today, c.ExpiresOn.Value, PeriodUnits.Days).Days.ToString(German)])]);
            }

            case "unbestaetigte-nachweise":
            {
                var pending = await session.Query<ActivityLog>().Where(l => l.State == ActivityState.Submitted).OrderBy(l => l.SubmittedAt).Take(2000).ToListAsync(cancellationToken);
                return new Report(key, title, ["Name", "Datum", "Dauer (Minuten)", "Art", "Kilometer", "Eingereicht"],
                    [.. pending.Select(l => (IReadOnlyList<string>)[Name(l.VolunteerId), GermanDates.Show(l.Date), l.Minutes.ToString(German), VisitLogs.KindName(l.Kind),
                        l.Kilometres.ToString("0.##", German), GermanDates.Show(l.SubmittedAt)])]);
            }

            case "ohne-aktivitaet":
            {
                var since = today.PlusDays(-30);
                var recent = (await session.Query<ActivityLog>().Where(l => l.Date >= since).Select(l => l.VolunteerId).ToListAsync(cancellationToken)).ToHashSet();
                return new Report(key, title, ["Name", "Quartier", "Aktive Rollen", "Telefon"],
                    [.. volunteers.Values.Where(v => v.ActiveRoles.Count > 0 && !recent.Contains(v.Id)).OrderBy(v => v.LastName, StringComparer.Ordinal)
                        .Select(v => (IReadOnlyList<string>)[v.DisplayName, v.Quartier, string.Join(", ", v.ActiveRoles.Select(RoleName)), v.Phone])]);
            }

            default:
            {
                var from = today.PlusMonths(-12).AtMidnight();
                var sessions = (await session.Query<TrainingSession>().Where(s => s.AttendanceRecorded).ToListAsync(cancellationToken)).Where(s => s.StartsAt >= from).ToList();
                var minutes = sessions.SelectMany(s => s.Attended.Select(a => (a, s.DurationMinutes))).GroupBy(x => x.a).ToDictionary(g => g.Key, g => g.Sum(x => x.DurationMinutes));
                return new Report(key, title, ["Name", "Quartier", "Schulungsstunden"],
                    [.. volunteers.Values.OrderBy(v => v.LastName, StringComparer.Ordinal)
                        .Select(v => (IReadOnlyList<string>)[v.DisplayName, v.Quartier, (minutes.GetValueOrDefault(v.Id) / 60m).ToString("0.##", German)])]);
            }
        }
    }
}

internal static class ReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{key}", async (string key, CoordinatorReports reports, CancellationToken ct) =>
                await reports.BuildAsync(key, ct) is { } r ? Results.Ok(r) : ApiProblems.NotFound("Diese Auswertung gibt es nicht."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Auswertung für die Koordination");

        api.MapGet("/reports/{key}/csv", async (string key, CoordinatorReports reports, CancellationToken ct) =>
                await reports.BuildAsync(key, ct) is { } r ? CsvFile.Result($"{r.Key}.csv", r.Header, r.Rows) : ApiProblems.NotFound("Diese Auswertung gibt es nicht."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Auswertung als CSV (Semikolon, UTF-8 mit BOM)");
    }
}
