using NodaTime;
using QuartierPflege.Compensation.DataProtection;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.Tests.DataProtection;

/// <summary>Compensation's retention rules as plain functions.</summary>
public sealed class CompensationRetentionTests
{
    private static readonly RetentionDuration EightYears = RetentionDuration.OfYears(8);

    [Fact]
    public void A_voucher_is_kept_to_the_end_of_the_eighth_year_after_the_year_of_payment_and_due_the_day_after()
    {
        Assert.Equal(new LocalDate(2026, 12, 31), CompensationRetention.KeptUntil(2018, EightYears));
        Assert.False(CompensationRetention.VoucherDue(2018, EightYears, new LocalDate(2026, 12, 31)));
        Assert.True(CompensationRetention.VoucherDue(2018, EightYears, new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void The_year_of_payment_is_the_year_finance_confirmed_it_else_the_payout_month()
    {
        var december = new PayoutRun { Month = new YearMonth(2025, 12), MonthKey = 202512, Status = RunStatus.Paid, PaidOn = new LocalDate(2026, 1, 5) };
        var approved = new PayoutRun { Month = new YearMonth(2025, 12), MonthKey = 202512, Status = RunStatus.Approved };

        Assert.Equal(2026, CompensationRetention.YearOfPayment(december));
        Assert.Equal(2025, CompensationRetention.YearOfPayment(approved));
    }

    [Fact]
    public void A_payee_goes_with_its_last_voucher_and_not_while_activity_waits_for_a_run()
    {
        Assert.True(CompensationRetention.PayeeDue(2, 2, 0));
        Assert.False(CompensationRetention.PayeeDue(2, 1, 0));
        Assert.False(CompensationRetention.PayeeDue(2, 2, 1));
        Assert.False(CompensationRetention.PayeeDue(0, 0, 0));
    }
}
