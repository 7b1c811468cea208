using System.Globalization;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Runs;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>Compensation's answers to the data-protection module: the forecast, a volunteer's copy, and what must wait.</summary>
internal sealed class CompensationPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => CompensationPersonalData.ModuleName;

    public async Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => (await CompensationSweepPlan.ForAsync(session, periods, date, cancellationToken)).Counts();

    /// <summary>
    /// The person's own copy: the IBAN in full (it is theirs), every payout with its lines, and a summary per year.
    /// Restricted records are included: they are still held.
    /// </summary>
    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != DataSubjectKind.Volunteer)
        {
            return new PersonalDataSection(Module, []);
        }

        var records = new List<PersonalDataRecord>();
        var payee = await session.LoadAsync<Payee>(subject.Id, cancellationToken);
        if (payee is not null)
        {
            var iban = payee.Iban is { } text && Iban.TryParse(text, out var parsed, out _) ? parsed.Grouped : payee.Iban;
            records.Add(new PersonalDataRecord(CompensationPersonalData.PayeeKind, "Zahlungsempfänger und Bankverbindung",
            [
                new("Name", payee.DisplayName), new("E-Mail", payee.Email.Length == 0 ? null : payee.Email), new("Quartier", payee.Quartier),
                new("IBAN", iban), new("Kontoinhaber", payee.AccountHolder),
                new("Gesperrt bis", payee.RestrictedUntil is { } r ? GermanDates.Show(r) : null),
            ]));
            records.AddRange(payee.Declarations.OrderBy(d => d.Year).Select(d => new PersonalDataRecord(CompensationPersonalData.PayeeKind,
                $"Erklärung zu Freibeträgen {d.Year}",
                [
                    new("Ehrenamtspauschale anderweitig genutzt", GermanMonths.Euro(d.Ehrenamtspauschale)),
                    new("Übungsleiterpauschale anderweitig genutzt", GermanMonths.Euro(d.Uebungsleiterpauschale)),
                ])));
            records.AddRange(payee.History.Select(h => new PersonalDataRecord(CompensationPersonalData.PayeeKind, $"Änderung am {GermanDates.Show(h.At)}",
                [new("Was", h.What), new("Von", h.ByName)])));
        }

        var payouts = await session.Query<Payout>().Where(p => p.VolunteerId == subject.Id).ToListAsync(cancellationToken);
        var runs = (await session.LoadManyAsync<PayoutRun>(cancellationToken, payouts.Select(p => p.RunId).Distinct())).ToDictionary(r => r.Id);
        foreach (var payout in payouts.OrderBy(p => p.MonthKey))
        {
            var fields = new List<PersonalDataField>
            {
                new("Stand", runs.TryGetValue(payout.RunId, out var run) ? AllowanceNames.StatusText(run.Status) : "–"),
                new("Betrag", GermanMonths.Euro(payout.Total)), new("Davon Fahrtkosten", GermanMonths.Euro(payout.Mileage)),
                new("Über dem Freibetrag einbehalten", GermanMonths.Euro(payout.WithheldAboveCap)),
                new("Zurückgehalten", payout.Held ? payout.HeldReason ?? "ja" : null),
                new("Gesperrt bis", payout.RestrictedUntil is { } r ? GermanDates.Show(r) : null),
            };
            fields.AddRange(payout.Lines.Select(l => new PersonalDataField(l.Text,
                $"{Features.Statements.PayoutStatements.Quantity(l)} × {GermanMonths.Euro(l.Rate)} = {GermanMonths.Euro(l.Amount)}")));
            records.Add(new PersonalDataRecord(CompensationPersonalData.PayoutKind, $"Auszahlung {GermanMonths.Show(Accrual.MonthOf(payout.MonthKey))}", fields));
        }

        var counted = payouts.Where(p => !p.Held && runs.TryGetValue(p.RunId, out var r) && r.Status != RunStatus.Draft);
        records.AddRange(counted.GroupBy(p => p.MonthKey / 100).OrderBy(g => g.Key).Select(g => new PersonalDataRecord(CompensationPersonalData.PayoutKind,
            $"Jahresübersicht {g.Key.ToString(CultureInfo.InvariantCulture)}",
            [
                new("Ausgezahlt", GermanMonths.Euro(g.Sum(p => p.Total))), new("Davon Fahrtkosten", GermanMonths.Euro(g.Sum(p => p.Mileage))),
                new("Über dem Freibetrag einbehalten", GermanMonths.Euro(g.Sum(p => p.WithheldAboveCap))),
                new("Monate", string.Join(", ", g.OrderBy(p => p.MonthKey).Select(p => GermanMonths.Show(Accrual.MonthOf(p.MonthKey))))),
            ])));

        records.AddRange((await session.Query<PayeeReadAudit>().Where(a => a.VolunteerId == subject.Id).ToListAsync(cancellationToken))
            .OrderBy(a => a.At)
            .Select(a => new PersonalDataRecord(CompensationPersonalData.ReadAudit, $"Zugriff auf die Bankverbindung am {GermanDates.Show(a.At)}",
                [new("Gelesen von", a.ReaderName), new("Wo", a.Where)])));
        return new PersonalDataSection(Module, records);
    }

    /// <summary>An approved payout not yet transferred: erasing the bank details now would leave the person unpaid.</summary>
    public async Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != DataSubjectKind.Volunteer)
        {
            return [];
        }

        var payouts = await session.Query<Payout>().Where(p => p.VolunteerId == subject.Id && !p.Held && p.Total > 0m).ToListAsync(cancellationToken);
        var runs = (await session.LoadManyAsync<PayoutRun>(cancellationToken, payouts.Select(p => p.RunId).Distinct())).ToDictionary(r => r.Id);
        return [.. payouts.Where(p => runs.TryGetValue(p.RunId, out var r) && r.Status == RunStatus.Approved).OrderBy(p => p.MonthKey)
            .Select(p => $"Die Auszahlung für {GermanMonths.Show(Accrual.MonthOf(p.MonthKey))} ({GermanMonths.Euro(p.Total)}) ist freigegeben, aber noch nicht überwiesen. Die Bankverbindung wird bis dahin gebraucht.")];
    }
}
