using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Registration;
using QuartierPflege.Volunteers.Features.Reports;
using QuartierPflege.Volunteers.Features.RoleProfiles;
using QuartierPflege.Volunteers.Features.Trainings;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.Features;

internal sealed record VolunteerView(
    Guid Id, string FirstName, string LastName, string Email, string Phone, string Street, string HouseNumber, string? Flat, string Quartier,
    LocalDate BirthDate, IReadOnlyList<string> Languages, IReadOnlyList<string> Availability, string Skills, string Status, int Version)
{
    public static VolunteerView Of(Volunteer v) => new(v.Id, v.FirstName, v.LastName, v.Email, v.Phone, v.Street, v.HouseNumber, v.Flat, v.Quartier,
        v.BirthDate, v.Languages, v.Availability, v.Skills, v.Status.ToString(), v.Version);
}

internal sealed record UploadRequest(string? CourseKey, LocalDate? IssuedOn, string? FileName, string? ContentType, string? ContentBase64);

internal sealed record GuidanceUploadRequest(string? FileName, string? ContentType, string? ContentBase64);

internal static class VolunteerEndpoints
{
    private const string NotFound = "Die ehrenamtliche Person wurde nicht gefunden.";

    public static void MapVolunteerEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/registrations", async (ProfileInput input, Register handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .AllowAnonymous()
            .WithSummary("Als Nachbar:in registrieren (ohne Anmeldung)");

        api.MapGet("/registrations", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok((await session.Query<Volunteer>().Where(v => v.Status == VolunteerStatus.Registered).OrderBy(v => v.RegisteredAt).ToListAsync(ct)).Select(VolunteerView.Of)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Offene Registrierungen");

        api.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmVolunteer handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttpResult(userId => TypedResults.Ok(new { userId })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Registrierung bestätigen: Zugang anlegen und Einladung senden");

        api.MapGet("/me", async (VolunteerAccess access, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? Results.Ok(VolunteerView.Of(me)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Das eigene Profil");

        api.MapGet("/{id:guid}", async (Guid id, VolunteerAccess access, DataProtection.VolunteerReadLog log, CancellationToken ct) =>
            {
                if (await access.VisibleAsync(id, ct) is not { } v)
                {
                    return ApiProblems.NotFound(NotFound);
                }

                // The volunteer reading their own profile is not a read of someone else's data.
                if (v.UserId != access.UserId)
                {
                    await log.RecordAsync(v.Id, "Profil (API)", ct);
                }

                return Results.Ok(VolunteerView.Of(v));
            })
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Ein Profil (das eigene, oder für die Koordination jedes; das Lesen fremder Profile wird protokolliert)");

        api.MapGet("/{id:guid}/reads", async (Guid id, IQuerySession session, DataProtection.VolunteerReadLog log, CancellationToken ct) =>
                await session.LoadAsync<Volunteer>(id, ct) is null ? ApiProblems.NotFound(NotFound)
                : Results.Ok((await log.LatestAsync(session, id, ct)).Select(r => new { r.At, r.ReaderName, r.Where })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Wer das Profil wann gelesen hat (nur Koordination)");

        api.MapPut("/{id:guid}", async (Guid id, ProfileInput input, UpdateProfile handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, input, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Profil ändern");

        api.MapGet("/{id:guid}/enrolments", async (Guid id, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                await access.VisibleAsync(id, ct) is { } v ? Results.Ok(await trainings.EnrolmentsOfAsync(v, ct)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Rollen und was noch fehlt");

        api.MapGet("/{id:guid}/certificates", async (Guid id, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                await access.VisibleAsync(id, ct) is { } v ? Results.Ok((await trainings.CertificatesOfAsync(v.Id, ct)).Select(TrainingFeatures.ViewOf)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Nachweise");

        api.MapGet("/{id:guid}/activities", async (Guid id, VolunteerAccess access, VisitLogs logs, CancellationToken ct) =>
                await access.VisibleAsync(id, ct) is { } v ? Results.Ok(await logs.LogsOfAsync(v.Id, ct)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Einsatznachweise");

        api.MapGet("/{id:guid}/assignments", async (Guid id, VolunteerAccess access, VisitLogs logs, CancellationToken ct) =>
                await access.VisibleAsync(id, ct) is { } v ? Results.Ok(await logs.AssignmentsOfAsync(v.Id, ct)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Einsätze (nur Straße und worum es geht)");

        api.MapPost("/me/enrolments", async (EnrolRequest request, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? (await trainings.EnrolAsync(me, request, ct)).ToHttpResult(TypedResults.Ok) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Für eine Rolle eintragen");

        api.MapPost("/me/certificates", async (UploadRequest request, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
            {
                if (await access.MeAsync(ct) is not { } me)
                {
                    return ApiProblems.NotFound(NotFound);
                }

                if (!TryDecode(request.ContentBase64, out var content))
                {
                    return ApiProblems.Validation("file", "Die Datei ist nicht lesbar. Bitte laden Sie sie noch einmal hoch.");
                }

                return (await trainings.UploadCertificateAsync(me, request.CourseKey, request.IssuedOn, request.FileName, request.ContentType, content, ct))
                    .ToHttpResult(id => TypedResults.Created((string?)null, new { id }));
            })
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Externen Nachweis hochladen (PDF oder Bild, höchstens 10 MB)");

        api.MapPost("/certificates/{id:guid}/verify", async (Guid id, TrainingFeatures trainings, CancellationToken ct) =>
                (await trainings.VerifyCertificateAsync(id, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Externen Nachweis prüfen und anerkennen");

        api.MapGet("/certificates/{id:guid}/file", async (Guid id, TrainingFeatures trainings, CancellationToken ct) =>
                await trainings.CertificateFileAsync(id, ct) is { } c ? Results.File(c.Content!, c.ContentType, c.FileName) : ApiProblems.NotFound("Der Nachweis wurde nicht gefunden."))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Datei eines Nachweises");

        MapRoles(api);
        MapSessions(api);
        MapActivities(api);
        api.MapReports();
    }

    private static void MapRoles(RouteGroupBuilder api)
    {
        api.MapGet("/roles", async (RoleProfileFeatures roles, CancellationToken ct) => TypedResults.Ok((await roles.AllAsync(ct)).Values.OrderBy(r => r.Name, StringComparer.Ordinal)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Rollenprofile");

        api.MapPost("/roles", async (RoleProfileInput input, RoleProfileFeatures roles, CancellationToken ct) =>
                (await roles.CreateAsync(input, ct)).ToHttpResult(created => TypedResults.Created($"/api/volunteers/roles/{created.Key}", created)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Rollenprofil anlegen (der Schlüssel entsteht aus dem Namen)");

        api.MapGet("/roles/{key}/files", async (string key, RoleProfileFeatures roles, CancellationToken ct) =>
                await roles.VisibleFilesAsync(key, ct) is { } files ? Results.Ok(files.Select(f => new { id = f.Id, fileName = f.FileName })) : ApiProblems.NotFound("Das Rollenprofil wurde nicht gefunden."))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Dateien einer Anleitung (für eingetragene Ehrenamtliche und Mitarbeitende)");

        api.MapPut("/roles/{key}", async (string key, RoleProfileInput input, RoleProfileFeatures roles, CancellationToken ct) =>
                (await roles.UpdateAsync(key, input, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Rollenprofil ändern");

        api.MapPost("/roles/{key}/files", async (string key, GuidanceUploadRequest request, RoleProfileFeatures roles, CancellationToken ct) =>
                !TryDecode(request.ContentBase64, out var content)
                    ? ApiProblems.Validation("file", "Die Datei ist nicht lesbar. Bitte laden Sie sie noch einmal hoch.")
                    : (await roles.AttachFileAsync(key, request.FileName, request.ContentType, content, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Datei zur Anleitung hinzufügen (PDF oder Bild, höchstens 10 MB)");

        api.MapGet("/roles/files/{id:guid}", async (Guid id, RoleProfileFeatures roles, CancellationToken ct) =>
                await roles.DownloadAsync(id, ct) is { } f ? Results.File(f.Content, f.ContentType, f.FileName) : ApiProblems.NotFound("Die Datei wurde nicht gefunden."))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Datei einer Anleitung (für eingetragene Ehrenamtliche und Mitarbeitende)");
    }

    private static void MapSessions(RouteGroupBuilder api)
    {
        api.MapGet("/sessions", async (VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                TypedResults.Ok(await trainings.UpcomingAsync((await access.MeAsync(ct))?.Id, ct)))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Kommende Schulungstermine");

        api.MapPost("/sessions", async (CreateSessionRequest request, TrainingFeatures trainings, CancellationToken ct) =>
                (await trainings.CreateSessionAsync(request, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Schulungstermin anlegen");

        api.MapPost("/sessions/{id:guid}/booking", async (Guid id, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? (await trainings.BookAsync(me, id, ct)).ToHttpResult(TypedResults.Ok) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Schulungstermin buchen (oder auf die Warteliste)");

        api.MapDelete("/sessions/{id:guid}/booking", async (Guid id, VolunteerAccess access, TrainingFeatures trainings, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? (await trainings.CancelAsync(me, id, ct)).ToHttpResult(TypedResults.Ok) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Buchung absagen");

        api.MapGet("/sessions/{id:guid}/ics", async (Guid id, IQuerySession session, IClock clock, CancellationToken ct) =>
                await session.LoadAsync<TrainingSession>(id, ct) is { } s
                    ? Results.File(Encoding.UTF8.GetBytes(TrainingFeatures.Ics(s, clock.GetCurrentInstant())), "text/calendar; charset=utf-8", "schulung.ics")
                    : ApiProblems.NotFound("Der Schulungstermin wurde nicht gefunden."))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Kalenderdatei eines Termins");

        api.MapPost("/sessions/{id:guid}/attendance", async (Guid id, AttendanceRequest request, TrainingFeatures trainings, CancellationToken ct) =>
                (await trainings.RecordAttendanceAsync(id, request, ct)).ToHttpResult(count => TypedResults.Ok(new { certificates = count })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Teilnahme erfassen (stellt die Nachweise aus)");
    }

    private static void MapActivities(RouteGroupBuilder api)
    {
        api.MapPost("/me/activities", async (LogVisitRequest request, VolunteerAccess access, VisitLogs logs, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? (await logs.LogAsync(me, request, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Einsatz eintragen");

        api.MapPut("/me/activities/{id:guid}", async (Guid id, int? version, LogVisitRequest request, VolunteerAccess access, VisitLogs logs, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? (await logs.CorrectAsync(me, id, request, version, ct)).ToHttpResult(_ => TypedResults.NoContent()) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Einsatznachweis korrigieren (?version=…)");

        api.MapGet("/me/hours", async (VolunteerAccess access, VisitLogs logs, CancellationToken ct) =>
                await access.MeAsync(ct) is { } me ? Results.Ok(await logs.HoursThisMonthAsync(me, ct)) : ApiProblems.NotFound(NotFound))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Stunden in diesem Monat und Grenze");

        api.MapGet("/activities/pending", async (VisitLogs logs, CancellationToken ct) => TypedResults.Ok(await logs.PendingAsync(ct)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Unbestätigte Einsatznachweise, älteste zuerst");

        api.MapPost("/activities/confirm", async (ConfirmLogsRequest request, VisitLogs logs, CancellationToken ct) =>
                (await logs.ConfirmAsync(request, ct)).ToHttpResult(count => TypedResults.Ok(new { confirmed = count })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Einsatznachweise bestätigen (mehrere)");

        api.MapPost("/activities/{id:guid}/return", async (Guid id, ReturnLogRequest request, VisitLogs logs, CancellationToken ct) =>
                (await logs.ReturnAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Einsatznachweis mit Kommentar zurückgeben");
    }

    private static bool TryDecode(string? base64, out byte[] content)
    {
        content = [];
        if (string.IsNullOrEmpty(base64))
        {
            return true;
        }

        try
        {
            content = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
