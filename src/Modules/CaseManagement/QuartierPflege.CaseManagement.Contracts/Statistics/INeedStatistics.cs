using NodaTime;

namespace QuartierPflege.CaseManagement.Contracts.Statistics;

/// <summary>
/// The stable keys of Case Management's problem kinds (Problemlagen) as other modules see them, with their German names.
/// </summary>
public static class ProblemKindKeys
{
    public const string RentArrears = "RentArrears";
    public const string NeighbourConflict = "NeighbourConflict";
    public const string AgeOrIllnessLimitation = "AgeOrIllnessLimitation";
    public const string DailyLiving = "DailyLiving";
    public const string Loneliness = "Loneliness";
    public const string Neglect = "Neglect";
    public const string CareNeed = "CareNeed";
    public const string Other = "Other";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [RentArrears] = "Mietschulden",
        [NeighbourConflict] = "Nachbarschaftskonflikt",
        [AgeOrIllnessLimitation] = "Alters-/krankheitsbedingte Einschränkung",
        [DailyLiving] = "Alltagsbewältigung",
        [Loneliness] = "Vereinsamung",
        [Neglect] = "Verwahrlosung",
        [CareNeed] = "Pflegebedarf",
        [Other] = "Sonstiges",
    };

    public static string NameOf(string key) => Names.GetValueOrDefault(key, key);
}

/// <summary>
/// Open cases with one problem kind in one Quartier at the end of each month of <see cref="NeedFigures.Months"/> (the last
/// month is the current one: its figure is "open today"). A case counts once per kind however many of its problems have it.
/// </summary>
public sealed record NeedSeries(string Quartier, string ProblemKind, IReadOnlyList<int> OpenAtMonthEnd)
{
    public int OpenNow => OpenAtMonthEnd.Count == 0 ? 0 : OpenAtMonthEnd[^1];
}

/// <summary>
/// What Case Management reports of the need in the Quartiere: counts only, never a name. <see cref="OpenConcerns"/> is
/// the programme's untriaged concerns: a concern has neither Quartier nor problem kind until it becomes (part of) a case.
/// </summary>
public sealed record NeedFigures(IReadOnlyList<YearMonth> Months, IReadOnlyList<NeedSeries> Series, int OpenConcerns);

/// <summary>Aggregate, read-only figures of the need Case Management sees (for the Quartier-Lagebild).</summary>
public interface INeedStatistics
{
    /// <summary>The twelve months up to and including the current Berlin month, every Quartier and kind with a case in them.</summary>
    Task<NeedFigures> NeedsAsync(CancellationToken cancellationToken);
}
