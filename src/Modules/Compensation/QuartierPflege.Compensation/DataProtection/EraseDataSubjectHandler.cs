using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>
/// Art. 17 in Compensation. Payouts that were approved are vouchers (§147 AO): they stay, restricted until the end of
/// the year of payment plus 8 years, with the accruals they paid and a payee reduced to name, Quartier and declarations.
/// Everything else goes: bank details (unless an approved payout still waits for its transfer), e-mail, the change
/// history, model links, accruals no run paid, payouts of a draft. A person without any voucher is deleted entirely.
/// </summary>
public static class CompensationEraseDataSubjectHandler
{
    public const string Note = "Aufbewahrungspflicht für Buchungsbelege (§ 147 AO): gesperrt, nur noch für die Prüfung einsehbar.";

    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        IReadOnlyList<ErasureLine> lines = [];
        if (message.Subject.Kind == DataSubjectKind.Volunteer)
        {
            await TransactionLock.TakeAsync(session, "compensation.data-protection", cancellationToken);
            lines = await EraseAsync(session, message.Subject.Id, clock.GetCurrentInstant(), cancellationToken);
        }

        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), message.RequestId, CompensationPersonalData.ModuleName, lines);
    }

    private static async Task<IReadOnlyList<ErasureLine>> EraseAsync(IDocumentSession session, Guid volunteerId, Instant now, CancellationToken cancellationToken)
    {
        var payee = await session.LoadAsync<Payee>(volunteerId, cancellationToken);
        var payouts = await session.Query<Payout>().Where(p => p.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        var runs = (await session.LoadManyAsync<PayoutRun>(cancellationToken, payouts.Select(p => p.RunId).Distinct())).ToDictionary(r => r.Id);
        var drafts = payouts.Where(p => !runs.TryGetValue(p.RunId, out var r) || r.Status == RunStatus.Draft).ToList();
        var vouchers = payouts.Except(drafts).ToList();
        var waiting = vouchers.Any(p => runs[p.RunId].Status == RunStatus.Approved && !p.Held && p.Total > 0m);

        foreach (var draft in drafts)
        {
            session.Delete(draft);
        }

        var restrictedPayouts = 0;
        LocalDate? until = null;
        foreach (var payout in vouchers)
        {
            var keptUntil = CompensationRetention.KeptUntil(CompensationRetention.YearOfPayment(runs[payout.RunId]), CompensationRetention.LegalVoucherPeriod);
            until = until is null || keptUntil > until ? keptUntil : until;
            if (payout.RestrictedUntil != keptUntil)
            {
                payout.RestrictedUntil = keptUntil;
                session.Store(payout);
                restrictedPayouts++;
            }
        }

        var paidMonths = vouchers.Select(p => p.MonthKey).ToHashSet();
        var accruals = await session.Query<Accrual>().Where(a => a.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        var erasedAccruals = 0;
        var restrictedAccruals = 0;
        foreach (var accrual in accruals)
        {
            if (!paidMonths.Contains(accrual.MonthKey))
            {
                session.Delete(accrual);
                erasedAccruals++;
            }
            else if (accrual.RestrictedUntil is null)
            {
                accrual.RestrictedUntil = until;
                session.Store(accrual);
                restrictedAccruals++;
            }
        }

        session.DeleteWhere<EnrolmentModel>(e => e.VolunteerId == volunteerId);
        session.DeleteWhere<AssignmentModel>(a => a.VolunteerId == volunteerId);

        ErasureLine payeeLine;
        if (payee is null)
        {
            payeeLine = new ErasureLine(CompensationPersonalData.PayeeKind, 0, 0, null, null);
        }
        else if (vouchers.Count == 0)
        {
            session.Delete(payee);
            payeeLine = new ErasureLine(CompensationPersonalData.PayeeKind, 1, 0, null, null);
        }
        else
        {
            var hadBankDetails = payee.Iban is not null || payee.AccountHolder is not null;
            var changed = payee.RestrictedUntil != until || (!waiting && hadBankDetails) || payee.Email.Length > 0;
            if (!waiting)
            {
                payee.Iban = null;
                payee.AccountHolder = null;
            }

            payee.Email = string.Empty;
            if (changed)
            {
                payee.History = [new PayeeChange(now, Guid.Empty, "Datenschutz", waiting
                    ? "Person gelöscht (Art. 17 DSGVO); die Bankverbindung bleibt bis zur Überweisung des freigegebenen Laufs"
                    : "Person gelöscht (Art. 17 DSGVO); Bankverbindung gelöscht, Belege gesperrt")];
                payee.RestrictedUntil = until;
                session.UpdateRevision(payee, payee.Version + 1);
            }

            payeeLine = new ErasureLine(CompensationPersonalData.PayeeKind, changed && !waiting && hadBankDetails ? 1 : 0, changed ? 1 : 0, until,
                waiting
                    ? "Die Bankverbindung bleibt, bis der freigegebene Lauf überwiesen ist; Name, Quartier und Erklärungen zu Freibeträgen bleiben gesperrt als Teil der Belege."
                    : "Bankverbindung, E-Mail und Änderungsverlauf gelöscht; Name, Quartier und Erklärungen zu Freibeträgen bleiben gesperrt als Teil der Belege.");
        }

        var untilText = until is { } u ? $" bis {GermanDates.Show(u)}" : string.Empty;
        return
        [
            payeeLine,
            new(CompensationPersonalData.PayoutKind, drafts.Count, restrictedPayouts, until, vouchers.Count == 0 ? null : $"Auszahlungen{untilText} aufbewahrt. {Note}"),
            new(CompensationPersonalData.AccrualKind, erasedAccruals, restrictedAccruals, until, restrictedAccruals == 0 ? null : "Grundlage der aufbewahrten Auszahlungen"),
            new(CompensationPersonalData.SepaKind, 0, 0, until, vouchers.Count == 0 ? null
                : $"Name und IBAN bleiben in den SEPA-Dateien der bezahlten Läufe{untilText} (Buchungsbelege, § 147 AO)."),
        ];
    }
}
