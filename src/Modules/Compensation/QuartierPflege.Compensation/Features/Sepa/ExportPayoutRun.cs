using System.Text;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>
/// The SEPA file a run was exported with (id = the run's id): downloading again hands out the same file with the same
/// MsgId, so the bank's duplicate check catches a second upload instead of paying twice.
/// </summary>
internal sealed class SepaExportDocument
{
    public Guid Id { get; set; }

    public string MessageId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;

    public int NumberOfTransactions { get; set; }

    public decimal ControlSum { get; set; }

    public LocalDate ExecutionDate { get; set; }

    public List<string> Notes { get; set; } = [];

    public Instant ExportedAt { get; set; }

    public string ExportedByName { get; set; } = string.Empty;

    public SepaFile ToFile() => new(MessageId, FileName, Encoding.UTF8.GetBytes(Xml), NumberOfTransactions, ControlSum, ExecutionDate, Notes);
}

/// <summary>
/// Finance downloads the SEPA file of an approved run (the run becomes „exportiert“) and later confirms that the bank
/// executed it („bezahlt“, publishes <c>payout-run-paid</c>). Paid are the payouts the approval paid: not held, more
/// than 0 €; each needs valid bank details at export time, else the export is refused naming the volunteers.
/// </summary>
internal sealed class ExportPayoutRun(IDocumentSession session, IMartenOutbox outbox, ISepaExport export, ICurrentUser user, IClock clock)
{
    public async Task<Outcome<SepaFile>> ExportAsync(YearMonth month, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(month), cancellationToken);
        if (run is null)
        {
            return Outcome<SepaFile>.NotFound($"Für {GermanMonths.Show(month)} gibt es keinen Auszahlungslauf.");
        }

        if (run.Status == RunStatus.Draft)
        {
            return Outcome<SepaFile>.Conflict($"Der Auszahlungslauf {GermanMonths.Show(month)} ist noch nicht freigegeben. Die SEPA-Datei gibt es erst nach der Freigabe.");
        }

        if (run.Status is RunStatus.Exported or RunStatus.Paid)
        {
            var earlier = await session.LoadAsync<SepaExportDocument>(run.Id, cancellationToken);
            return earlier is null
                ? Outcome<SepaFile>.Conflict("Die SEPA-Datei dieses Laufs ist nicht mehr vorhanden.")
                : Outcome<SepaFile>.Done(earlier.ToFile());
        }

        var payouts = await session.Query<Payout>().Where(p => p.RunId == run.Id && !p.Held && p.Total > 0m).ToListAsync(cancellationToken);
        var payees = (await session.LoadManyAsync<Payee>(cancellationToken, payouts.Select(p => p.VolunteerId))).ToDictionary(p => p.Id);
        var transfers = new List<PayoutToTransfer>(payouts.Count);
        var missing = new List<string>();
        foreach (var payout in payouts.OrderBy(p => p.DisplayName, StringComparer.Ordinal))
        {
            if (payees.GetValueOrDefault(payout.VolunteerId) is { HasBankDetails: true } payee && Iban.TryParse(payee.Iban, out var iban, out _))
            {
                transfers.Add(new PayoutToTransfer(payout.Id, payee.AccountHolder!.Trim(), iban, payout.Total));
            }
            else
            {
                missing.Add(payout.DisplayName);
            }
        }

        if (missing.Count > 0)
        {
            return Outcome<SepaFile>.Conflict($"Für {string.Join(", ", missing)} fehlt eine gültige Bankverbindung. Die SEPA-Datei kann erst erstellt werden, wenn sie eingetragen ist.");
        }

        var outcome = export.Export(new RunToExport(run.Id, month, transfers));
        if (!outcome.IsDone)
        {
            return outcome;
        }

        var file = outcome.Value!;
        var now = clock.GetCurrentInstant();
        session.Store(new SepaExportDocument
        {
            Id = run.Id,
            MessageId = file.MessageId,
            FileName = file.FileName,
            Xml = Encoding.UTF8.GetString(file.Content),
            NumberOfTransactions = file.NumberOfTransactions,
            ControlSum = file.ControlSum,
            ExecutionDate = file.ExecutionDate,
            Notes = [.. file.Notes],
            ExportedAt = now,
            ExportedByName = user.DisplayName,
        });
        run.Status = RunStatus.Exported;
        run.History.Add(new RunEvent(now, user.Id, user.DisplayName,
            $"SEPA-Datei {file.MessageId} erstellt ({file.NumberOfTransactions} Überweisungen, {GermanMonths.Euro(file.ControlSum)}, Ausführung am {GermanDates.Show(file.ExecutionDate)})"));
        session.UpdateRevision(run, run.Version + 1);
        return await session.SaveOrConflictAsync(outbox, file, cancellationToken);
    }

    public async Task<Outcome<int>> ConfirmPaidAsync(YearMonth month, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(month), cancellationToken);
        if (run is null)
        {
            return Outcome<int>.NotFound($"Für {GermanMonths.Show(month)} gibt es keinen Auszahlungslauf.");
        }

        if (run.Status != RunStatus.Exported)
        {
            return Outcome<int>.Conflict(run.Status == RunStatus.Paid
                ? $"Der Auszahlungslauf {GermanMonths.Show(month)} ist bereits als bezahlt bestätigt."
                : $"Der Auszahlungslauf {GermanMonths.Show(month)} ist noch nicht exportiert. Bezahlt werden kann er erst mit der SEPA-Datei.");
        }

        var now = clock.GetCurrentInstant();
        run.Status = RunStatus.Paid;
        run.PaidOn = now.InBerlin().Date;
        run.History.Add(new RunEvent(now, user.Id, user.DisplayName, "als bezahlt bestätigt"));
        session.UpdateRevision(run, run.Version + 1);
        await outbox.PublishAsync(new PayoutRunPaid(Guid.NewGuid(), now, run.Id, month, now.InBerlin().Date));
        return await session.SaveOrConflictAsync(outbox, run.Version + 1, cancellationToken);
    }
}
