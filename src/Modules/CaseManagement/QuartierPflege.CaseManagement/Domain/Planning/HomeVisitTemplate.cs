namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>How a checklist question is answered.</summary>
internal enum AnswerType
{
    /// <summary>Ja/Nein; the risky answer scores points.</summary>
    YesNo = 0,

    /// <summary>0 (keine Probleme) … 3 (erhebliche Probleme); the value is the score.</summary>
    Scale = 1,

    /// <summary>Free text; never scored.</summary>
    Text = 2,
}

/// <summary>One question of a home-visit checklist.</summary>
/// <param name="RiskAnswer">For yes/no questions: the answer ("yes" or "no") that points to a need.</param>
/// <param name="Points">What the risky yes/no answer adds to the domain's score.</param>
internal sealed record CheckQuestion(string Key, string Text, AnswerType Type, string? RiskAnswer = null, int Points = 1);

/// <summary>
/// A domain of the checklist (Mobilität, Stürze, …). Its score is the sum of its answers' points; from
/// <see cref="FindingFrom"/> points on (or when the visitor flags it) the domain is a finding that can become a
/// problem situation of the suggested kind.
/// </summary>
internal sealed record CheckDomain(string Key, string Title, int FindingFrom, ProblemKind SuggestedProblem, IReadOnlyList<CheckQuestion> Questions)
{
    public int Score(IReadOnlyDictionary<string, string> answers)
        => Questions.Sum(q => answers.TryGetValue(q.Key, out var answer) ? HomeVisitAnswers.Points(q, answer) : 0);

    public bool IsFinding(IReadOnlyDictionary<string, string> answers, IEnumerable<string> flagged)
        => Score(answers) >= FindingFrom || flagged.Contains(Key, StringComparer.Ordinal);
}

/// <summary>A versioned checklist. A stored visit names key and version, so later templates never reinterpret it.</summary>
internal sealed record HomeVisitTemplate(string Key, int Version, string Title, IReadOnlyList<CheckDomain> Domains)
{
    public string Id => $"{Key}-{Version}";

    public CheckQuestion? FindQuestion(string key) => Domains.SelectMany(d => d.Questions).FirstOrDefault(q => q.Key == key);

    public CheckDomain? FindDomain(string key) => Domains.FirstOrDefault(d => d.Key == key);
}

/// <summary>The answer values as stored and sent by the API: "yes"/"no", "0"–"3", or text.</summary>
internal static class HomeVisitAnswers
{
    public const string Yes = "yes";
    public const string No = "no";

    public static bool IsValid(CheckQuestion question, string answer) => question.Type switch
    {
        AnswerType.YesNo => answer is Yes or No,
        AnswerType.Scale => answer is "0" or "1" or "2" or "3",
        _ => true,
    };

    public static int Points(CheckQuestion question, string answer) => question.Type switch
    {
        AnswerType.YesNo => answer == question.RiskAnswer ? question.Points : 0,
        AnswerType.Scale when int.TryParse(answer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 3 => value,
        _ => 0,
    };

    public static string Describe(CheckQuestion question, string answer) => question.Type switch
    {
        AnswerType.YesNo => answer == Yes ? "ja" : answer == No ? "nein" : answer,
        AnswerType.Scale => answer switch
        {
            "0" => "0 – keine Probleme",
            "1" => "1 – leichte Probleme",
            "2" => "2 – deutliche Probleme",
            "3" => "3 – erhebliche Probleme",
            _ => answer,
        },
        _ => answer,
    };
}
