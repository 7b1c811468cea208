using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>What answers a problem kind: partners of these service categories, neighbours in these roles.</summary>
internal sealed record NeedAnswer(IReadOnlyList<string> ServiceCategories, IReadOnlyList<string> Roles);

/// <summary>
/// Which offers answer which need (the programme's reading of its catalogues; keys of Partners' service categories and
/// Volunteers' role profiles). A kind without categories (or roles) cannot lack them; "Sonstiges" is never a gap.
/// </summary>
internal static class NeedAnswers
{
    private const string Alltagsbegleitung = "alltagsbegleitung";
    private const string Nachbarschaftshilfe = "nachbarschaftshilfe";
    private const string Besuchsdienst = "besuchsdienst";
    private const string Einkaufshilfe = "einkaufshilfe";
    private const string Fahrdienst = "fahrdienst";

    public static IReadOnlyDictionary<string, NeedAnswer> ByKind { get; } = new Dictionary<string, NeedAnswer>
    {
        [ProblemKindKeys.RentArrears] = new([ServiceCategories.Schuldnerberatung, ServiceCategories.Sozialamt], []),
        [ProblemKindKeys.NeighbourConflict] = new([ServiceCategories.Beratungsstelle, ServiceCategories.Wohnungsgenossenschaft], []),
        [ProblemKindKeys.AgeOrIllnessLimitation] = new([ServiceCategories.Pflegedienst, ServiceCategories.Hausarzt, ServiceCategories.Facharzt, ServiceCategories.Fahrdienst], [Alltagsbegleitung, Fahrdienst]),
        [ProblemKindKeys.DailyLiving] = new([ServiceCategories.Haushaltshilfe, ServiceCategories.Beratungsstelle], [Alltagsbegleitung, Einkaufshilfe, Nachbarschaftshilfe]),
        [ProblemKindKeys.Loneliness] = new([ServiceCategories.Besuchsdienst], [Besuchsdienst, Alltagsbegleitung]),
        [ProblemKindKeys.Neglect] = new([ServiceCategories.Sozialamt, ServiceCategories.Haushaltshilfe], [Nachbarschaftshilfe]),
        [ProblemKindKeys.CareNeed] = new([ServiceCategories.Pflegedienst, ServiceCategories.Pflegestuetzpunkt, ServiceCategories.Tagespflege], [Nachbarschaftshilfe]),
        [ProblemKindKeys.Other] = new([], []),
    };

    public static NeedAnswer For(string kind) => ByKind.GetValueOrDefault(kind, new NeedAnswer([], []));
}
