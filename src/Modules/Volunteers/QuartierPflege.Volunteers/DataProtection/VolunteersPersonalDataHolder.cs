using System.Globalization;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// Volunteers' answers to the data-protection module: the forecast, a person's copy and what stands in the way of
/// erasing a volunteer (a running assignment).
/// </summary>
internal sealed class VolunteersPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => VolunteersPersonalData.ModuleName;

    public async Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => (await VolunteersSweepPlan.ForAsync(session, periods, date, cancellationToken)).Counts();

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = subject.Kind == DataSubjectKind.Volunteer
            ? await VolunteerRecordsAsync(subject.Id, cancellationToken)
            : await ResidentRecordsAsync(subject.CaseIds, cancellationToken);
        return new PersonalDataSection(Module, records);
    }

    public async Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != DataSubjectKind.Volunteer)
        {
            return [];
        }

        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        return [.. (await ActiveAssignmentsAsync(session, subject.Id, cancellationToken)).Select(a =>
            $"Der Einsatz „{RoleName(roles, a.RoleProfileKey)}“ in der {a.Street} {a.HouseNumber} seit {GermanDates.Show(a.StartsOn)} läuft noch. Er muss zuerst beendet werden.")];
    }

    public static async Task<IReadOnlyList<Assignment>> ActiveAssignmentsAsync(IQuerySession session, Guid volunteerId, CancellationToken cancellationToken)
        => await session.Query<Assignment>().Where(a => a.VolunteerId == volunteerId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<PersonalDataRecord>> VolunteerRecordsAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var records = new List<PersonalDataRecord>();
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        if (await session.LoadAsync<Volunteer>(volunteerId, cancellationToken) is { } v)
        {
            records.Add(new PersonalDataRecord(VolunteersPersonalData.Profile, "Profil",
            [
                new("Vorname", v.FirstName), new("Nachname", v.LastName), new("E-Mail", v.Email), new("Telefon", v.Phone),
                new("Anschrift", $"{v.Street} {v.HouseNumber}{(v.Flat is null ? string.Empty : ", " + v.Flat)}"), new("Quartier", v.Quartier),
                new("Geburtsdatum", GermanDates.Show(v.BirthDate)), new("Sprachen", string.Join(", ", v.Languages)),
                new("Verfügbarkeit", string.Join(", ", v.Availability)), new("Fähigkeiten", v.Skills),
                new("Registriert am", GermanDates.Show(v.RegisteredAt)),
            ]));
            records.AddRange(v.Enrolments.Select(e => new PersonalDataRecord(VolunteersPersonalData.Profile, $"Rolle: {RoleName(roles, e.RoleProfileKey)}",
            [
                new("Stand", EnrolmentName(e.State)), new("Seit", GermanDates.Show(e.Since)), new("Grund", e.Reason),
            ])));
        }

        records.AddRange((await session.Query<Certificate>().Where(c => c.VolunteerId == volunteerId).ToListAsync(cancellationToken))
            .OrderBy(c => c.IssuedOn)
            .Select(c => new PersonalDataRecord(VolunteersPersonalData.CertificateKind, $"Nachweis: {c.CourseName}",
            [
                new("Ausgestellt am", GermanDates.Show(c.IssuedOn)), new("Gültig bis", GermanDates.Show(c.ExpiresOn)),
                new("Anerkannt", c.Verified ? "ja" : "nein"), new("Datei", c.FileName),
            ])));

        records.AddRange((await session.Query<TrainingSession>().Where(s => s.Booked.Contains(volunteerId) || s.WaitingList.Contains(volunteerId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.StartsAt)
            .Select(s => new PersonalDataRecord(VolunteersPersonalData.Training, $"Schulungstermin: {s.CourseName}",
            [
                new("Termin", GermanDates.Show(s.StartsAt.Date)), new("Ort", s.Place),
                new("Stand", s.Attended.Contains(volunteerId) ? "teilgenommen" : s.Booked.Contains(volunteerId) ? "gebucht" : "auf der Warteliste"),
            ])));

        // As the volunteer saw the assignment: street and task, nothing else about the resident.
        records.AddRange((await session.Query<Assignment>().Where(a => a.VolunteerId == volunteerId).ToListAsync(cancellationToken))
            .OrderBy(a => a.StartsOn)
            .Select(a => new PersonalDataRecord(VolunteersPersonalData.AssignmentKind, $"Einsatz: {RoleName(roles, a.RoleProfileKey)}",
            [
                new("Straße", $"{a.Street} {a.HouseNumber}".Trim()), new("Aufgabe", a.Description),
                new("Stunden im Monat", a.HoursPerMonth.ToString(CultureInfo.InvariantCulture)), new("Beginn", GermanDates.Show(a.StartsOn)),
                new("Ende", GermanDates.Show(a.EndedOn)), new("Grund des Endes", a.EndReason),
            ])));

        records.AddRange((await session.Query<ActivityLog>().Where(l => l.VolunteerId == volunteerId).ToListAsync(cancellationToken))
            .OrderBy(l => l.Date)
            .Select(l => new PersonalDataRecord(VolunteersPersonalData.VisitLog, $"Einsatznachweis vom {GermanDates.Show(l.Date)}",
            [
                new("Art", VisitLogs.KindName(l.Kind)), new("Dauer", $"{l.Minutes} Minuten"),
                new("Kilometer", l.Kilometres.ToString("0.#", CultureInfo.GetCultureInfo("de-DE"))), new("Notiz", l.Note),
                new("Stand", VisitLogs.StateName(l.State)), new("Rückfrage der Koordination", l.ReturnComment),
            ])));

        records.AddRange((await session.Query<VolunteerReadAudit>().Where(a => a.VolunteerId == volunteerId).ToListAsync(cancellationToken))
            .OrderBy(a => a.At)
            .Select(a => new PersonalDataRecord(VolunteersPersonalData.ReadAudit, $"Zugriff am {GermanDates.Show(a.At)}",
            [
                new("Gelesen von", a.ReaderName), new("Wo", a.Where),
            ])));
        return records;
    }

    private async Task<IReadOnlyList<PersonalDataRecord>> ResidentRecordsAsync(IReadOnlyList<Guid> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }

        var ids = caseIds.ToArray();
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        var requests = await session.Query<HelpRequest>().Where(r => r.CaseId.In(ids)).ToListAsync(cancellationToken);
        var assignments = await session.Query<Assignment>().Where(a => a.CaseId.In(ids)).ToListAsync(cancellationToken);
        var helpers = (await session.LoadManyAsync<Volunteer>(cancellationToken, assignments.Select(a => a.VolunteerId).Distinct()))
            .ToDictionary(v => v.Id, v => v.FirstName);
        var records = new List<PersonalDataRecord>();
        records.AddRange(requests.OrderBy(r => r.StartsOn).Select(r => new PersonalDataRecord(VolunteersPersonalData.HelpRequestKind,
            $"Anfrage Nachbarschaftshilfe: {RoleName(roles, r.RoleProfileKey)}",
            [
                new("Anschrift", $"{r.Street} {r.HouseNumber}{(r.Flat is null ? string.Empty : ", " + r.Flat)}".Trim()), new("Quartier", r.Quartier),
                new("Beschreibung", r.Description), new("Stunden im Monat", r.HoursPerMonth.ToString(CultureInfo.InvariantCulture)),
                new("Bevorzugte Zeiten", r.PreferredTimes), new("Ab", GermanDates.Show(r.StartsOn)),
                new("Stand", r.Withdrawn ? "beendet" : "offen"),
            ])));
        // The helper appears by first name only: the resident knows them by it, and the rest is the volunteer's data.
        records.AddRange(assignments.OrderBy(a => a.StartsOn).Select(a => new PersonalDataRecord(VolunteersPersonalData.AssignmentKind,
            $"Nachbarschaftshilfe: {RoleName(roles, a.RoleProfileKey)}",
            [
                new("Helferin oder Helfer (Vorname)", helpers.GetValueOrDefault(a.VolunteerId, "–")), new("Anschrift", $"{a.Street} {a.HouseNumber}".Trim()),
                new("Aufgabe", a.Description), new("Stunden im Monat", a.HoursPerMonth.ToString(CultureInfo.InvariantCulture)),
                new("Beginn", GermanDates.Show(a.StartsOn)), new("Ende", GermanDates.Show(a.EndedOn)),
            ])));
        return records;
    }

    private static string RoleName(IReadOnlyDictionary<string, RoleProfile> roles, string key) => roles.TryGetValue(key, out var role) ? role.Name : key;

    private static string EnrolmentName(EnrolmentState state) => state switch
    {
        EnrolmentState.Applied => "beworben",
        EnrolmentState.InTraining => "in Schulung",
        EnrolmentState.Active => "aktiv",
        EnrolmentState.Suspended => "ausgesetzt",
        _ => "beendet",
    };
}

/// <summary>Finds volunteers by name for coordination's Art. 15 / Art. 17 requests; the e-mail lets the Host find the account.</summary>
internal sealed class VolunteerSubjectFinder(IQuerySession session) : IDataSubjectFinder
{
    public DataSubjectKind Kind => DataSubjectKind.Volunteer;

    public async Task<IReadOnlyList<DataSubjectMatch>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var words = (query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var first = words[0];
        var candidates = await session.Query<Volunteer>()
            .Where(v => v.LastName.Contains(first, StringComparison.OrdinalIgnoreCase) || v.FirstName.Contains(first, StringComparison.OrdinalIgnoreCase))
            .Take(200).ToListAsync(cancellationToken);
        return [.. candidates
            .Where(v => words.All(w => v.DisplayName.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(v => v.LastName, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), false)).ThenBy(v => v.FirstName, StringComparer.Ordinal)
            .Take(20)
            .Select(v => new DataSubjectMatch(DataSubjectKind.Volunteer, v.Id, v.DisplayName, $"{v.Quartier}, geboren am {GermanDates.Show(v.BirthDate)}"))];
    }

    public async Task<DataSubject?> FindAsync(Guid id, CancellationToken cancellationToken)
        => await session.LoadAsync<Volunteer>(id, cancellationToken) is { } v
            ? new DataSubject(DataSubjectKind.Volunteer, v.Id, v.DisplayName, [], v.Email)
            : null;
}
