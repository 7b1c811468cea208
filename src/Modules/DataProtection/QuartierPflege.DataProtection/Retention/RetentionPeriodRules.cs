using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.DataProtection.Retention;

/// <summary>A declared kind with the period in force for it.</summary>
internal sealed record KindInForce(string Module, PersonalDataKind Kind, RetentionDuration InForce, bool Changed);

/// <summary>The periods in force and whether a new one may be set: plain functions, no database.</summary>
internal static class RetentionPeriodRules
{
    /// <summary>Without a legal cap a period may still not be set beyond this (a typo of 300 years keeps data forever).</summary>
    public static readonly RetentionDuration GeneralMaximum = RetentionDuration.OfYears(30);

    private static readonly NodaTime.LocalDate[] Starts =
        [new(2024, 1, 31), new(2024, 2, 29), new(2023, 3, 1), new(2024, 12, 31), new(2025, 6, 30)];

    /// <summary>Every declared kind with the declaration's default, or coordination's setting where there is one.</summary>
    public static IReadOnlyList<KindInForce> InForce(IEnumerable<IPersonalDataRegister> registers, IReadOnlyDictionary<string, RetentionDuration> settings)
        => [.. registers.SelectMany(r => r.Kinds.Select(k => settings.TryGetValue(k.Key, out var set)
            ? new KindInForce(r.Module, k, set, set != k.Retention.Default)
            : new KindInForce(r.Module, k, k.Retention.Default, false)))];

    public static RetentionPeriods Periods(IEnumerable<KindInForce> kinds)
        => new([.. kinds.Select(k => new RetentionSetting(k.Kind.Key, k.InForce))]);

    /// <summary>The German message why <paramref name="proposed"/> cannot be the period of <paramref name="rule"/>, or null.</summary>
    public static string? Refusal(RetentionRule rule, RetentionDuration proposed)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(proposed);
        if (proposed.Years < 0 || proposed.Months < 0 || proposed.Days < 0)
        {
            return "Jahre, Monate und Tage dürfen nicht negativ sein.";
        }

        if (Shorter(proposed, rule.Minimum))
        {
            var law = rule.LegalReference is null ? string.Empty : $" ({rule.LegalReference})";
            return $"Die Frist darf die gesetzliche Mindestfrist nicht unterschreiten: mindestens {rule.Minimum}{law}.";
        }

        var maximum = rule.Maximum ?? GeneralMaximum;
        return Shorter(maximum, proposed)
            ? $"Die Frist darf höchstens {maximum} betragen."
            : null;
    }

    /// <summary>
    /// Calendar periods have no fixed length (a month is 28 to 31 days): <paramref name="a"/> is shorter when it ends
    /// earlier than <paramref name="b"/> from any of the start days where month and leap-year lengths differ.
    /// </summary>
    public static bool Shorter(RetentionDuration a, RetentionDuration b)
        => Starts.Any(start => a.EndsAfter(start) < b.EndsAfter(start));
}
