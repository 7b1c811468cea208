using System.Security.Cryptography;
using System.Text;
using JasperFx;
using NodaTime;

namespace QuartierPflege.Compensation.Domain;

/// <summary>A compensation model (Vergütungsmodell), keyed as the role profiles of Volunteers name it ("stundensatz").</summary>
internal sealed class CompensationModel : IRevisioned
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public AllowanceKind Allowance { get; set; }

    public List<RatePeriod> Rates { get; set; } = [];

    public int Version { get; set; }

    public ModelTerms Terms() => new(Id, Name, Allowance, Rates);
}

/// <summary>The tax-free caps of one year; <see cref="Id"/> is the year.</summary>
internal sealed class CapYear : IRevisioned
{
    public int Id { get; set; }

    public decimal Ehrenamtspauschale { get; set; }

    public decimal Uebungsleiterpauschale { get; set; }

    public decimal MinijobPerMonth { get; set; }

    public int Version { get; set; }

    public YearCaps Caps() => new(Id, Ehrenamtspauschale, Uebungsleiterpauschale, MinijobPerMonth);
}

/// <summary>What a volunteer declared as already used of an allowance elsewhere in a year.</summary>
internal sealed record AllowanceDeclaration(int Year, decimal Ehrenamtspauschale, decimal Uebungsleiterpauschale)
{
    public decimal For(AllowanceKind kind) => kind switch
    {
        AllowanceKind.Ehrenamtspauschale => Ehrenamtspauschale,
        AllowanceKind.Uebungsleiterpauschale => Uebungsleiterpauschale,
        _ => 0m,
    };
}

internal sealed record PayeeChange(Instant At, Guid By, string ByName, string What);

/// <summary>Someone the programme may pay: created from <c>volunteer-registered</c>; the bank details are their own to enter.</summary>
internal sealed class Payee : IRevisioned
{
    /// <summary>The volunteer's id (Volunteers module).</summary>
    public Guid Id { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Quartier { get; set; } = string.Empty;

    /// <summary>Checked when entered (mod 97, country length); stored without spaces.</summary>
    public string? Iban { get; set; }

    public string? AccountHolder { get; set; }

    public List<AllowanceDeclaration> Declarations { get; set; } = [];

    public List<PayeeChange> History { get; set; } = [];

    /// <summary>
    /// Set when the person was erased (Art. 17) while payout vouchers must still be kept: the payee is then kept for the
    /// legal duty only, without bank details, and left out of runs, lists and statements.
    /// </summary>
    public LocalDate? RestrictedUntil { get; set; }

    public int Version { get; set; }

    public bool HasBankDetails => !string.IsNullOrEmpty(Iban) && !string.IsNullOrWhiteSpace(AccountHolder);

    public decimal DeclaredElsewhere(int year, AllowanceKind kind) => Declarations.FirstOrDefault(d => d.Year == year)?.For(kind) ?? 0m;
}

/// <summary>Which model an assignment is paid by (from <c>assignment-started</c>).</summary>
internal sealed class AssignmentModel
{
    public Guid Id { get; set; }

    public Guid VolunteerId { get; set; }

    public string ModelKey { get; set; } = string.Empty;

    public LocalDate StartsOn { get; set; }

    public LocalDate? EndedOn { get; set; }
}

/// <summary>Which model a volunteer's role is paid by (from <c>enrolment-activated</c>); id "volunteer/role".</summary>
internal sealed class EnrolmentModel
{
    public string Id { get; set; } = string.Empty;

    public Guid VolunteerId { get; set; }

    public string RoleProfileKey { get; set; } = string.Empty;

    public string ModelKey { get; set; } = string.Empty;

    public LocalDate From { get; set; }

    public LocalDate? SuspendedFrom { get; set; }

    public static string IdOf(Guid volunteerId, string roleProfileKey) => $"{volunteerId:N}/{roleProfileKey}";
}

/// <summary>
/// A confirmed activity as Compensation keeps it (id = the activity's id, so a message arriving twice changes nothing).
/// The model is resolved when a run is prepared: the assignment's, else the role's.
/// </summary>
internal sealed class Accrual
{
    public Guid Id { get; set; }

    public Guid VolunteerId { get; set; }

    public Guid? AssignmentId { get; set; }

    public string RoleProfileKey { get; set; } = string.Empty;

    public LocalDate Date { get; set; }

    /// <summary>yyyymm of <see cref="Date"/>: the run selects by it.</summary>
    public int MonthKey { get; set; }

    public int Minutes { get; set; }

    public decimal Kilometres { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Corrected after confirmation: a later run compares its month with what was paid (adjustment lines).</summary>
    public bool Corrected { get; set; }

    /// <summary>Kept only as the basis of a paid payout after the person's erasure; never paid again.</summary>
    public LocalDate? RestrictedUntil { get; set; }

    public static int KeyOf(YearMonth month) => (month.Year * 100) + month.Month;

    public static YearMonth MonthOf(int key) => new(key / 100, key % 100);
}

internal enum RunStatus
{
    /// <summary>Prepared, waiting for review and approval ("Entwurf").</summary>
    Draft,

    /// <summary>Approved under four eyes ("freigegeben").</summary>
    Approved,

    /// <summary>The SEPA file was downloaded ("exportiert").</summary>
    Exported,

    /// <summary>Finance confirmed the bank executed it ("bezahlt").</summary>
    Paid,
}

internal sealed record RunEvent(Instant At, Guid? By, string ByName, string What);

/// <summary>All payouts of one month. Its id follows from the month: a month has one run, whoever prepares it.</summary>
internal sealed class PayoutRun : IRevisioned
{
    public Guid Id { get; set; }

    public YearMonth Month { get; set; }

    public int MonthKey { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>Everyone who prepared or changed the run (none for the nightly job): none of them may approve it.</summary>
    public List<Guid> Editors { get; set; } = [];

    public Instant PreparedAt { get; set; }

    public Guid? ApprovedBy { get; set; }

    public string? ApprovedByName { get; set; }

    public Instant? ApprovedAt { get; set; }

    public int PayoutCount { get; set; }

    public decimal Total { get; set; }

    public decimal Withheld { get; set; }

    public int FlaggedCount { get; set; }

    /// <summary>Payouts not transferred (held by a person, a claw-back, no bank details).</summary>
    public int HeldCount { get; set; }

    /// <summary>How many payouts carry each flag: the summary above the run's (paged) list.</summary>
    public Dictionary<string, int> FlagCounts { get; set; } = [];

    public List<RunEvent> History { get; set; } = [];

    /// <summary>The day finance confirmed the bank executed the run: its year is the year of payment (§147 AO).</summary>
    public LocalDate? PaidOn { get; set; }

    public int Version { get; set; }

    public static Guid IdOf(YearMonth month) => StableIds.Of("payout-run", Accrual.KeyOf(month).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>One volunteer's payout of one month: unique per volunteer and month (id and unique index).</summary>
internal sealed class Payout
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public Guid VolunteerId { get; set; }

    public int MonthKey { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string Quartier { get; set; } = string.Empty;

    public List<PayoutLine> Lines { get; set; } = [];

    public List<CapUse> Caps { get; set; } = [];

    public decimal Mileage { get; set; }

    public decimal Total { get; set; }

    public decimal WithheldAboveCap { get; set; }

    public List<string> Flags { get; set; } = [];

    /// <summary>Any flag: a column, so the run page can list "nur markierte" a page at a time.</summary>
    public bool Flagged { get; set; }

    public bool Held { get; set; }

    public string? HeldReason { get; set; }

    /// <summary>
    /// Set when the person was erased: the voucher is kept until this day (end of the year of payment + 8 years, §147 AO)
    /// and shown nowhere but where the legal duty needs it; the run's totals still count it.
    /// </summary>
    public LocalDate? RestrictedUntil { get; set; }

    /// <summary>What was paid against each allowance this payout (the year's use of the caps adds these up).</summary>
    public decimal PaidAgainst(AllowanceKind kind) => Caps.Where(c => c.Allowance == kind).Sum(c => c.Paid);

    public static Guid IdOf(Guid volunteerId, YearMonth month)
        => StableIds.Of("payout", $"{volunteerId:N}/{Accrual.KeyOf(month).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}

/// <summary>Ids derived from a name (RFC 4122 version 5 layout): two Hosts computing the same thing get the same id.</summary>
internal static class StableIds
{
    public static Guid Of(string kind, string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"quartierpflege.compensation/{kind}/{name}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
