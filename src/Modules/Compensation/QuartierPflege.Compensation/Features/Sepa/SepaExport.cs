using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>One approved payout to transfer: to the account holder the volunteer entered.</summary>
internal sealed record PayoutToTransfer(Guid PayoutId, string AccountHolder, Iban Iban, decimal Amount);

/// <summary>The payouts of one approved run; <paramref name="ExportNumber"/> counts the run's exports (1 for the first).</summary>
internal sealed record RunToExport(Guid RunId, YearMonth Month, IReadOnlyList<PayoutToTransfer> Payouts, int ExportNumber = 1);

/// <summary>Makes the bank file of an approved payout run: pain.001.001.09, validated, from the configured account.</summary>
internal interface ISepaExport
{
    Outcome<SepaFile> Export(RunToExport run);
}

/// <summary>
/// The remittance is „Aufwandsentschädigung &lt;Monat Jahr&gt;“ (transliterated in the file); the EndToEndId is the payout's
/// id, so a line of the bank statement leads back to the payout; the execution date is the next TARGET2 business day
/// after today in Berlin (a bank refuses dates in the past, and today's cut-off may have passed).
/// </summary>
internal sealed class SepaExport(IOptions<SepaDebtorOptions> debtor, IClock clock) : ISepaExport
{
    private static readonly YearMonthPattern MonthName = YearMonthPattern.Create("MMMM uuuu", CultureInfo.GetCultureInfo("de-DE"));

    public Outcome<SepaFile> Export(RunToExport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = clock.GetCurrentInstant();
        var remittance = $"Aufwandsentschädigung {MonthName.Format(run.Month)}";
        var transfers = run.Payouts
            .Select(p => new SepaTransfer(p.PayoutId.ToString("N"), p.AccountHolder, p.Iban, p.Amount, remittance))
            .ToList();
        return Pain001Writer.Write(new SepaFileRequest(
            MessageIdFor(run),
            now,
            Target2.After(now.InBerlin().Date),
            debtor.Value.ToDebtor(),
            transfers));
    }

    /// <summary>
    /// „QP-202610-1a2b3c4d-1“: the month, the run and the export's number. The same run exported again gets a new
    /// number, so the bank's duplicate check sees a new file only when finance made one on purpose.
    /// </summary>
    internal static string MessageIdFor(RunToExport run)
        => string.Create(CultureInfo.InvariantCulture, $"QP-{run.Month.Year:D4}{run.Month.Month:D2}-{run.RunId.ToString("N")[..12]}-{run.ExportNumber}");
}
