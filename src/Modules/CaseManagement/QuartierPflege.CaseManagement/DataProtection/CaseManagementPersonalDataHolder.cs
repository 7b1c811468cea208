using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.DataProtection.Contracts;
using static QuartierPflege.CaseManagement.DataProtection.CaseManagementPersonalData;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>What Case Management holds about a resident, for the forecast, the Art. 15 copy and erasure objections.</summary>
internal sealed class CaseManagementPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => ModuleName;

    /// <summary>The same plan the sweep applies, counted: the forecast cannot disagree with the sweep.</summary>
    public async Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => (await RetentionPlan.LoadAsync(session, date, periods, cancellationToken)).Counts();

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<PersonalDataRecord>();
        if (subject.Kind != DataSubjectKind.Resident || await session.LoadAsync<Resident>(subject.Id, cancellationToken) is not { } resident)
        {
            return new PersonalDataSection(ModuleName, records);
        }

        records.Add(new PersonalDataRecord(ResidentKey, $"Stammdaten: {resident.DisplayName}",
        [
            new("Name", resident.DisplayName),
            new("Geburtsdatum", GermanDates.Show(resident.DateOfBirth)),
            new("Anschrift", resident.Address),
            new("Quartier", resident.Quartier),
            new("Telefon", resident.Phone),
            new("Pflegegrad", resident.CareLevel == CareLevel.None ? "keiner" : ((int)resident.CareLevel).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Sprachen", string.Join(", ", resident.Languages)),
            new("Angehörige", string.Join("; ", resident.Relatives.Select(r => $"{r.Name} ({r.Role})"))),
        ]));
        var cases = await session.Query<Case>().Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToArray();
        foreach (var @case in cases.OrderBy(c => c.OpenedOn))
        {
            records.Add(new PersonalDataRecord(CaseFileKey, $"Fall {@case.Number}",
            [
                new("Eröffnet am", GermanDates.Show(@case.OpenedOn)),
                new("Abgeschlossen am", GermanDates.Show(@case.ClosedOn)),
                new("Quartier", @case.Quartier),
                new("Fallmanagement", @case.CaseManagerName),
                new("Abschlussgrund", @case.ClosingReason is { } reason ? ClosingReasons.Describe(reason) : null),
                new("Zusammenfassung", @case.ClosingSummary),
                new("Sperrvermerk", @case.LegalHold?.Reason),
            ]));
        }

        foreach (var problem in await session.Query<ProblemSituation>().Where(p => p.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord(CaseFileKey, $"Problemlage: {problem.Title}",
                [new("Beschreibung", problem.Description), new("Gewählter Weg", problem.ChosenAlternative), new("Ergebnis", problem.OutcomeNote)]));
        }

        foreach (var step in await session.Query<PlanStep>().Where(s => s.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken))
        {
            var fields = new List<PersonalDataField> { new("Zuständig", step.Owner), new("Fällig am", GermanDates.Show(step.DueOn)), new("Stand", PlanningNames.Of(step.Status)) };
            if (step.Referral is { } referral)
            {
                fields.Add(new("Vermittelt an", referral.PartnerName));
                fields.Add(new("Weitergegeben", referral.DisclosedSummary));
                fields.Add(new("Gesendet am", GermanDates.Show(referral.SentAt)));
                fields.Add(new("Stand der Vermittlung", PlanningNames.Of(referral.Status)));
                if (referral.Emergency is { } emergency)
                {
                    fields.Add(new("Notfall-Weitergabe ohne Einwilligung", $"{emergency.Reason} ({emergency.ByName}, {GermanDates.Show(emergency.At)})"));
                }
            }

            if (step.NeighbourHelp is { } help)
            {
                fields.Add(new("Nachbarschaftshilfe", help.Description));
                // Only the helper's first name: the volunteer's own data is theirs, not the resident's.
                fields.Add(new("Helfer:in", help.ChosenVolunteerName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()));
            }

            records.Add(new PersonalDataRecord(CaseFileKey, $"Maßnahme: {step.Title}", fields));
        }

        foreach (var followUp in await session.Query<FollowUp>().Where(f => f.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord(CaseFileKey, $"Wiedervorlage: {followUp.Title}", [new("Fällig am", GermanDates.Show(followUp.DueOn)), new("Notiz", followUp.Note)]));
        }

        foreach (var note in (await session.Query<JournalNote>().Where(n => n.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken)).OrderBy(n => n.WrittenAt))
        {
            records.Add(new PersonalDataRecord(JournalNoteKey, $"Journalnotiz vom {GermanDates.Show(note.WrittenAt)}",
                [new("Text", note.Text), new("Geschrieben von", note.WrittenByName), new("Kontakt am", GermanDates.Show(note.ContactOn))]));
        }

        foreach (var visit in await session.Query<HomeVisit>().Where(v => v.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord(HomeVisitKey, $"Hausbesuch am {GermanDates.Show(visit.VisitedOn)}",
            [
                new("Besucht von", visit.VisitedBy),
                new("Antworten", string.Join("; ", visit.Content.Answers.Select(a => $"{a.Key}: {a.Value}"))),
                new("Auffällige Bereiche", string.Join(", ", visit.Content.FlaggedDomains)),
                new("Notizen", visit.Content.Notes),
            ]));
        }

        foreach (var consent in await session.Query<Consent>().Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord(ConsentKey, $"Einwilligung: {ConsentRules.Describe(consent.Purpose)}",
            [
                new("Erteilt am", GermanDates.Show(consent.GivenOn)),
                new("Partner", consent.PartnerName),
                new("Zeugin/Zeuge", consent.WitnessName),
                new("Widerrufen am", consent.WithdrawnOn is { } on ? GermanDates.Show(on) : consent.WithdrawnAt is { } at ? GermanDates.Show(at) : null),
            ]));
        }

        foreach (var concern in await session.Query<Concern>().Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken))
        {
            records.Add(new PersonalDataRecord(ConcernKey, $"Hinweis vom {GermanDates.Show(concern.ReportedAt)}",
                [new("Beschreibung", concern.Description), new("Gemeldet von", concern.ReportedByName)]));
        }

        Guid?[] ofCases = [.. caseIds.Select(id => (Guid?)id)];
        foreach (var entry in (await session.Query<AuditEntry>().Where(e => e.ResidentId == resident.Id || e.CaseId.IsOneOf(ofCases)).ToListAsync(cancellationToken)).OrderBy(e => e.At))
        {
            records.Add(new PersonalDataRecord(AuditEntryKey, $"Zugriff am {GermanDates.Show(entry.At)}",
                [new("Wer", entry.UserName), new("Was", entry.Description)]));
        }

        return new PersonalDataSection(ModuleName, records);
    }

    public async Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != DataSubjectKind.Resident)
        {
            return [];
        }

        var cases = await session.Query<Case>().Where(c => c.ResidentId == subject.Id).ToListAsync(cancellationToken);
        var objections = new List<string>();
        objections.AddRange(cases.Where(c => !c.IsClosed).Select(c => $"Fall {c.Number} ist noch offen: erst nach dem Abschluss kann gelöscht werden."));
        objections.AddRange(cases.Where(c => c.LegalHold is not null).Select(c => $"Fall {c.Number} hat einen Sperrvermerk (Aufbewahrung wegen Rechtsstreit): {c.LegalHold!.Reason}"));
        return objections;
    }
}
