using NodaTime;

namespace QuartierPflege.DataProtection.Contracts;

/// <summary>What happens to a record when its retention period has passed.</summary>
public enum RetentionAction
{
    /// <summary>Names, addresses, free text go; what statistics need (Quartier, kinds, dates) stays.</summary>
    Anonymise = 0,

    /// <summary>The record is deleted.</summary>
    Delete = 1,
}

/// <summary>
/// A retention period in calendar units (3 years after a case closed is not 1095 days). Applied backwards from a sweep's
/// date: a record whose period started before <see cref="Before"/> is due.
/// </summary>
public sealed record RetentionDuration(int Years, int Months, int Days)
{
    public static RetentionDuration OfYears(int years) => new(years, 0, 0);

    public static RetentionDuration OfMonths(int months) => new(0, months, 0);

    public static RetentionDuration OfDays(int days) => new(0, 0, days);

    /// <summary>The first day that is still inside the period when counted back from <paramref name="date"/>.</summary>
    public LocalDate Before(LocalDate date) => date.PlusYears(-Years).PlusMonths(-Months).PlusDays(-Days);

    /// <summary>The day the period ends when it started on <paramref name="start"/> (the record is due the day after).</summary>
    public LocalDate EndsAfter(LocalDate start) => start.PlusYears(Years).PlusMonths(Months).PlusDays(Days);

    /// <summary>Comparable length, for checking a setting against a legal minimum.</summary>
    public int ApproximateDays => (Years * 366) + (Months * 31) + Days;

    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Years != 0)
        {
            parts.Add(Years == 1 ? "1 Jahr" : $"{Years} Jahre");
        }

        if (Months != 0)
        {
            parts.Add(Months == 1 ? "1 Monat" : $"{Months} Monate");
        }

        if (Days != 0 || parts.Count == 0)
        {
            parts.Add(Days == 1 ? "1 Tag" : $"{Days} Tage");
        }

        return string.Join(" und ", parts);
    }
}

/// <summary>
/// How long a record kind is kept. <paramref name="StartsWhen"/> says in German when the period begins ("nach Abschluss
/// des Falls", "nach Ende des Kalenderjahres"); coordination may lengthen or shorten <paramref name="Default"/> but never
/// below <paramref name="Minimum"/> (a legal duty such as §147 AO), and never above <paramref name="Maximum"/> when the
/// law caps it (null: no cap).
/// </summary>
public sealed record RetentionRule(
    string StartsWhen,
    RetentionDuration Default,
    RetentionDuration Minimum,
    RetentionDuration? Maximum,
    RetentionAction Action,
    string? LegalReference);

/// <summary>
/// One kind of personal data a module stores: the line of the record of processing activities (Art. 30 DSGVO).
/// <paramref name="Key"/> is stable and unique across modules ("case-management.case-file"). <paramref name="StoredTypes"/>
/// are the Marten document and event types that hold this kind (a test checks that every stored type is covered).
/// </summary>
public sealed record PersonalDataKind(
    string Key,
    string Name,
    string DataSubjects,
    string DataCategories,
    string Purpose,
    string LegalBasis,
    string Recipients,
    RetentionRule Retention,
    IReadOnlyList<Type> StoredTypes);

/// <summary>A stored type that holds no personal data, and why (so that the coverage test knows it was looked at).</summary>
public sealed record StoredTypeWithoutPersonalData(Type Type, string Reason);

/// <summary>
/// A module's declaration of the personal data it keeps. Each module registers one
/// (<c>services.AddSingleton&lt;IPersonalDataRegister, …&gt;()</c>); the Art. 30 page is generated from all of them.
/// </summary>
public interface IPersonalDataRegister
{
    /// <summary>The module's German name as users know it ("Fallmanagement").</summary>
    string Module { get; }

    IReadOnlyList<PersonalDataKind> Kinds { get; }

    IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; }
}
