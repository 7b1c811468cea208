using System.Globalization;
using System.Text;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.RoleProfiles;
using Wolverine.Marten;

namespace QuartierPflege.Volunteers.Features.Trainings;

internal sealed record EnrolRequest(string? RoleProfileKey);

internal sealed record CreateSessionRequest(string? CourseKey, LocalDateTime? StartsAt, int? DurationMinutes, string? Place, int? Capacity);

internal sealed record AttendanceRequest(IReadOnlyList<Guid>? Attended);

internal sealed record EnrolmentView(string RoleProfileKey, string RoleName, EnrolmentState State, string StateName, LocalDate Since, string? Reason, IReadOnlyList<string> Missing);

internal sealed record CertificateView(Guid Id, string CourseKey, string CourseName, LocalDate IssuedOn, LocalDate? ExpiresOn, bool Verified, bool HasFile);

internal sealed record SessionView(Guid Id, string CourseKey, string CourseName, LocalDateTime StartsAt, int DurationMinutes, string Place, int Capacity, int Booked, int Waiting, string? MyPlace);

internal sealed class TrainingFeatures(IDocumentSession session, IMartenOutbox outbox, VolunteerAccess access, IClock clock)
{
    public static string StateName(EnrolmentState state) => state switch
    {
        EnrolmentState.Applied => "beantragt",
        EnrolmentState.InTraining => "in Schulung",
        EnrolmentState.Active => "aktiv",
        EnrolmentState.Suspended => "ausgesetzt",
        _ => "beendet",
    };

    public async Task<Outcome<EnrolmentView>> EnrolAsync(Volunteer volunteer, EnrolRequest request, CancellationToken cancellationToken)
    {
        var role = string.IsNullOrEmpty(request.RoleProfileKey) ? null : await Catalogue.RoleAsync(session, request.RoleProfileKey, cancellationToken);
        if (role is null)
        {
            return Outcome<EnrolmentView>.Invalid("roleProfileKey", "Bitte wählen Sie eine Rolle aus der Liste.");
        }

        if (volunteer.Status != VolunteerStatus.Confirmed)
        {
            return Outcome<EnrolmentView>.Conflict("Ihre Anmeldung ist noch nicht bestätigt.");
        }

        var existing = volunteer.Enrolments.FirstOrDefault(e => e.RoleProfileKey == role.Id);
        if (existing is { State: not EnrolmentState.Ended })
        {
            return Outcome<EnrolmentView>.Conflict($"Sie haben sich für „{role.Name}“ schon eingetragen.");
        }

        if (existing is not null)
        {
            volunteer.Enrolments.Remove(existing);
        }

        volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = role.Id, State = EnrolmentState.Applied, Since = clock.Today() });
        await ReevaluateAndStoreAsync(volunteer, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<EnrolmentView>.Done((await EnrolmentsOfAsync(volunteer, cancellationToken)).Single(e => e.RoleProfileKey == role.Id));
    }

    public async Task<IReadOnlyList<EnrolmentView>> EnrolmentsOfAsync(Volunteer volunteer, CancellationToken cancellationToken)
    {
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        var certificates = await CertificatesOfAsync(volunteer.Id, cancellationToken);
        var today = clock.Today();
        return [.. volunteer.Enrolments.Where(e => roles.ContainsKey(e.RoleProfileKey)).Select(e =>
        {
            var role = roles[e.RoleProfileKey];
            return new EnrolmentView(role.Id, role.Name, e.State, StateName(e.State), e.Since, e.Reason,
                [.. Requirements.Missing(role, certificates, today).Select(Catalogue.CourseName)]);
        })];
    }

    public async Task<List<Certificate>> CertificatesOfAsync(Guid volunteerId, CancellationToken cancellationToken)
        => [.. await session.Query<Certificate>().Where(c => c.VolunteerId == volunteerId).OrderBy(c => c.IssuedOn).ToListAsync(cancellationToken)];

    public static CertificateView ViewOf(Certificate c) => new(c.Id, c.CourseKey, c.CourseName, c.IssuedOn, c.ExpiresOn, c.Verified, c.Content is not null);

    public async Task<Outcome<Guid>> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var course = request.CourseKey is null ? null : Catalogue.Course(request.CourseKey);
        if (course is null || course.ExternalOnly)
        {
            errors["courseKey"] = ["Bitte wählen Sie eine Schulung aus der Liste."];
        }

        if (request.StartsAt is null)
        {
            errors["startsAt"] = ["Bitte geben Sie Datum und Uhrzeit an."];
        }
        else if (request.StartsAt.Value.Date < clock.Today())
        {
            errors["startsAt"] = ["Der Termin darf nicht in der Vergangenheit liegen."];
        }

        if (string.IsNullOrWhiteSpace(request.Place))
        {
            errors["place"] = ["Bitte geben Sie den Ort an."];
        }
        else if (request.Place.Length > 200)
        {
            errors["place"] = ["Der Ort darf höchstens 200 Zeichen lang sein."];
        }

        if (request.Capacity is null or < 1 or > 200)
        {
            errors["capacity"] = ["Die Zahl der Plätze muss zwischen 1 und 200 liegen."];
        }

        if (request.DurationMinutes is < 15 or > 600)
        {
            errors["durationMinutes"] = ["Die Dauer muss zwischen 15 und 600 Minuten liegen."];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var training = new TrainingSession
        {
            CourseKey = course!.Id, CourseName = course.Name, StartsAt = request.StartsAt!.Value, DurationMinutes = request.DurationMinutes ?? 90,
            Place = request.Place!.Trim(), Capacity = request.Capacity!.Value,
        };
        session.Insert(training);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(training.Id);
    }

    public async Task<IReadOnlyList<SessionView>> UpcomingAsync(Guid? volunteerId, CancellationToken cancellationToken)
    {
        // Sessions whose attendance is not recorded yet are few; LocalDateTime has no database mapping, so filter here.
        var from = clock.Today().AtMidnight();
        var sessions = await session.Query<TrainingSession>().Where(s => !s.AttendanceRecorded).ToListAsync(cancellationToken);
        return [.. sessions.Where(s => s.StartsAt >= from).OrderBy(s => s.StartsAt).Take(100).Select(s => View(s, volunteerId))];
    }

    public static SessionView View(TrainingSession s, Guid? volunteerId) => new(s.Id, s.CourseKey, s.CourseName, s.StartsAt, s.DurationMinutes, s.Place, s.Capacity, s.Booked.Count, s.WaitingList.Count,
        volunteerId is not { } v ? null
        : s.Booked.Contains(v) ? "gebucht"
        : s.WaitingList.Contains(v) ? $"Warteliste, Platz {s.WaitingList.IndexOf(v) + 1}"
        : null);

    public async Task<Outcome<SessionView>> BookAsync(Volunteer volunteer, Guid sessionId, CancellationToken cancellationToken)
    {
        var training = await session.LoadAsync<TrainingSession>(sessionId, cancellationToken);
        if (training is null || training.AttendanceRecorded)
        {
            return Outcome<SessionView>.NotFound("Der Schulungstermin wurde nicht gefunden.");
        }

        if (!training.Book(volunteer.Id))
        {
            return Outcome<SessionView>.Conflict("Sie sind für diesen Termin schon eingetragen.");
        }

        return await SaveSessionAsync(training, volunteer.Id, cancellationToken);
    }

    public async Task<Outcome<SessionView>> CancelAsync(Volunteer volunteer, Guid sessionId, CancellationToken cancellationToken)
    {
        var training = await session.LoadAsync<TrainingSession>(sessionId, cancellationToken);
        if (training is null || training.AttendanceRecorded || !(training.Booked.Contains(volunteer.Id) || training.WaitingList.Contains(volunteer.Id)))
        {
            return Outcome<SessionView>.NotFound("Sie sind für diesen Termin nicht eingetragen.");
        }

        training.Cancel(volunteer.Id);
        return await SaveSessionAsync(training, volunteer.Id, cancellationToken);
    }

    private async Task<Outcome<SessionView>> SaveSessionAsync(TrainingSession training, Guid volunteerId, CancellationToken cancellationToken)
    {
        session.UpdateRevision(training, training.Version + 1);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (BuildingBlocks.Documents.ConcurrentEdits.IsConflict(e))
        {
            return Outcome<SessionView>.Conflict("Gleichzeitig hat sich jemand anderes eingetragen. Bitte versuchen Sie es noch einmal.");
        }

        return Outcome<SessionView>.Done(View(training, volunteerId));
    }

    /// <summary>Who attended gets the certificate (issued on the session's date); their enrolments are checked again.</summary>
    public async Task<Outcome<int>> RecordAttendanceAsync(Guid sessionId, AttendanceRequest request, CancellationToken cancellationToken)
    {
        var training = await session.LoadAsync<TrainingSession>(sessionId, cancellationToken);
        if (training is null)
        {
            return Outcome<int>.NotFound("Der Schulungstermin wurde nicht gefunden.");
        }

        if (training.AttendanceRecorded)
        {
            return Outcome<int>.Conflict("Die Teilnahme an diesem Termin ist schon erfasst.");
        }

        var attended = (request.Attended ?? []).Distinct().ToList();
        if (attended.Any(a => !training.Booked.Contains(a)))
        {
            return Outcome<int>.Invalid("attended", "Teilnehmen können nur Personen, die den Termin gebucht haben.");
        }

        if (training.StartsAt.Date > clock.Today())
        {
            return Outcome<int>.Invalid("attended", "Die Teilnahme kann erst am Tag der Schulung erfasst werden.");
        }

        var course = Catalogue.Course(training.CourseKey)!;
        var issuedOn = training.StartsAt.Date;
        training.Attended = attended;
        training.AttendanceRecorded = true;
        session.UpdateRevision(training, training.Version + 1);
        var issued = attended.Select(volunteerId => new Certificate
        {
            VolunteerId = volunteerId, CourseKey = course.Id, CourseName = course.Name, IssuedOn = issuedOn,
            ExpiresOn = course.ValidityMonths is { } months ? issuedOn.PlusMonths(months) : null, Verified = true,
        }).ToList();
        foreach (var certificate in issued)
        {
            session.Insert(certificate);
        }

        // One commit for the certificates, the enrolment changes and their messages.
        var volunteers = await session.LoadManyAsync<Volunteer>(cancellationToken, attended);
        foreach (var volunteer in volunteers)
        {
            await ReevaluateAndStoreAsync(volunteer, cancellationToken, issued);
        }

        await session.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Done(attended.Count);
    }

    public async Task<Outcome<Guid>> UploadCertificateAsync(Volunteer volunteer, string? courseKey, LocalDate? issuedOn, string? fileName, string? contentType, byte[] content, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var course = courseKey is null ? null : Catalogue.Course(courseKey);
        if (course is null)
        {
            errors["courseKey"] = ["Bitte wählen Sie den Nachweis aus der Liste."];
        }

        if (issuedOn is null)
        {
            errors["issuedOn"] = ["Bitte geben Sie das Ausstellungsdatum an."];
        }
        else if (issuedOn > clock.Today())
        {
            errors["issuedOn"] = ["Das Ausstellungsdatum darf nicht in der Zukunft liegen."];
        }
        else if (issuedOn < clock.Today().PlusYears(-50))
        {
            errors["issuedOn"] = ["Bitte geben Sie ein gültiges Ausstellungsdatum ein (z. B. 10.01.2026)."];
        }

        if (RoleProfileFeatures.FileProblem(fileName, contentType, content) is { } problem)
        {
            errors["file"] = [problem];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var certificate = new Certificate
        {
            VolunteerId = volunteer.Id, CourseKey = course!.Id, CourseName = course.Name, IssuedOn = issuedOn!.Value,
            ExpiresOn = course.ValidityMonths is { } months ? issuedOn.Value.PlusMonths(months) : null, Verified = false,
            FileName = Path.GetFileName(fileName), ContentType = contentType!.ToLowerInvariant(), Content = content,
        };
        session.Insert(certificate);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(certificate.Id);
    }

    public async Task<Outcome<Guid>> VerifyCertificateAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        var certificate = await session.LoadAsync<Certificate>(certificateId, cancellationToken);
        if (certificate is null)
        {
            return Outcome<Guid>.NotFound("Der Nachweis wurde nicht gefunden.");
        }

        if (certificate.Verified)
        {
            return Outcome<Guid>.Done(certificate.Id);
        }

        certificate.Verified = true;
        session.Store(certificate);
        if (await session.LoadAsync<Volunteer>(certificate.VolunteerId, cancellationToken) is { } volunteer)
        {
            await ReevaluateAndStoreAsync(volunteer, cancellationToken, [certificate]);
        }

        await session.SaveChangesAsync(cancellationToken);

        return Outcome<Guid>.Done(certificate.Id);
    }

    public async Task<Certificate?> CertificateFileAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        var certificate = await session.LoadAsync<Certificate>(certificateId, cancellationToken);
        if (certificate?.Content is null)
        {
            return null;
        }

        return access.IsCoordination || (await access.MeAsync(cancellationToken))?.Id == certificate.VolunteerId ? certificate : null;
    }

    public async Task<IReadOnlyList<(Certificate Certificate, string VolunteerName)>> UnverifiedAsync(CancellationToken cancellationToken)
    {
        var certificates = await session.Query<Certificate>().Where(c => !c.Verified).OrderBy(c => c.IssuedOn).Take(200).ToListAsync(cancellationToken);
        var volunteers = (await session.LoadManyAsync<Volunteer>(cancellationToken, certificates.Select(c => c.VolunteerId).Distinct())).ToDictionary(v => v.Id);
        return [.. certificates.Select(c => (c, volunteers.TryGetValue(c.VolunteerId, out var v) ? v.DisplayName : "–"))];
    }

    private async Task ReevaluateAndStoreAsync(Volunteer volunteer, CancellationToken cancellationToken, IReadOnlyCollection<Certificate>? pending = null)
    {
        foreach (var message in await Enrolments.ReevaluateAsync(session, volunteer, clock.Today(), clock.GetCurrentInstant(), cancellationToken, pending))
        {
            await outbox.PublishAsync(message);
        }

        session.UpdateRevision(volunteer, volunteer.Version + 1);
    }

    /// <summary>An iCalendar file for a booked session (times in Europe/Berlin, so calendars show them right).</summary>
    public static string Ics(TrainingSession training, Instant now)
    {
        static string Local(LocalDateTime t) => t.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var builder = new StringBuilder();
        builder.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//QuartierPflege//Schulungen//DE\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"UID:{training.Id}@quartierpflege\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"DTSTAMP:{now.ToDateTimeUtc():yyyyMMdd'T'HHmmss'Z'}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID=Europe/Berlin:{Local(training.StartsAt)}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"DTEND;TZID=Europe/Berlin:{Local(training.StartsAt.PlusMinutes(training.DurationMinutes))}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"SUMMARY:{Escape($"Schulung: {training.CourseName}")}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"LOCATION:{Escape(training.Place)}\r\n");
        builder.Append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        return builder.ToString();
    }
}
