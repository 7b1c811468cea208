using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>When Compensation's records are due, as plain functions (the sweep, the forecast and erasure agree on them).</summary>
internal static class CompensationRetention
{
    /// <summary>The year of payment: the day finance confirmed it, else the payout's month (not yet paid, or paid before the date was kept).</summary>
    public static int YearOfPayment(PayoutRun run) => run.PaidOn?.Year ?? run.Month.Year;

    /// <summary>The last day a voucher of <paramref name="yearOfPayment"/> must be kept: the end of that year plus the period.</summary>
    public static LocalDate KeptUntil(int yearOfPayment, RetentionDuration period) => period.EndsAfter(new LocalDate(yearOfPayment, 12, 31));

    /// <summary>A voucher is due the day after it was kept long enough; 8 years after the year ends, so a 2018 voucher goes in 2027.</summary>
    public static bool VoucherDue(int yearOfPayment, RetentionDuration period, LocalDate date) => KeptUntil(yearOfPayment, period) < date;

    /// <summary>Drafts are not vouchers: a draft run is recomputed and goes when its own month's accruals go.</summary>
    public static bool RunDue(PayoutRun run, RetentionDuration period, LocalDate date) => VoucherDue(YearOfPayment(run), period, date);

    public static bool AccrualDue(Accrual accrual, RetentionDuration period, LocalDate date) => VoucherDue(accrual.Date.Year, period, date);

    /// <summary>A payee goes with its last voucher: when every payout is due and no activity is left that a later run would pay.</summary>
    public static bool PayeeDue(int payouts, int payoutsDue, int accrualsLeft) => payouts > 0 && payouts == payoutsDue && accrualsLeft == 0;

    public static bool ReadAuditDue(PayeeReadAudit entry, RetentionDuration period, LocalDate date) => period.EndsAfter(entry.At.InBerlin().Date) < date;

    /// <summary>The voucher duty for erasure: §147 AO's 8 years, whatever coordination set for the sweep.</summary>
    public static RetentionDuration LegalVoucherPeriod { get; } = RetentionDuration.OfYears(8);
}
