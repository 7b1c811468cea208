using System.Globalization;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Quartiere.Features.Surveys;

internal sealed record OptionCount(string Option, int Count);

internal sealed record ScaleCount(int Value, int Count);

/// <summary>A free-text answer given by <paramref name="Count"/> residents in the same words (case and spacing aside).</summary>
internal sealed record TextGroup(string Text, int Count);

internal sealed record QuestionResult(
    Guid QuestionId,
    QuestionKind Kind,
    string Text,
    int Answered,
    IReadOnlyList<OptionCount> Options,
    IReadOnlyList<ScaleCount> Scale,
    decimal? Mean,
    string? LowLabel,
    string? HighLabel,
    IReadOnlyList<TextGroup> Texts);

/// <summary>The results of a survey: never who answered, never contact details (only how many left some).</summary>
internal sealed record SurveyResult(Guid SurveyId, string Title, string Quartier, LocalDate ClosesOn, bool Open, int Answers, int ContactsLeft,
    IReadOnlyList<QuestionResult> Questions);

internal sealed record SurveySummary(Guid Id, string Title, string Quartier, LocalDate ClosesOn, bool Open, int Answers);

/// <summary>Counting answers: a pure function of the survey and its answers.</summary>
internal static class SurveyTally
{
    public static SurveyResult Tally(Survey survey, IReadOnlyList<SurveyAnswer> answers, LocalDate today)
    {
        var byQuestion = answers.SelectMany(a => a.Answers.Select(x => (a.RecordedAt, x)))
            .GroupBy(x => x.x.QuestionId).ToDictionary(g => g.Key, g => g.OrderBy(x => x.RecordedAt).Select(x => x.x).ToList());
        return new SurveyResult(survey.Id, survey.Title, survey.Quartier, survey.ClosesOn, survey.IsOpenOn(today), answers.Count,
            answers.Count(a => a.ContactLeft),
            [.. survey.Questions.Select(q => Question(q, byQuestion.GetValueOrDefault(q.Id) ?? []))]);
    }

    private static QuestionResult Question(SurveyQuestion q, List<QuestionAnswer> given)
    {
        IReadOnlyList<OptionCount> options = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice
            ? [.. q.Options.Select((o, i) => new OptionCount(o, given.Count(a => a.Choices.Contains(i))))]
            : [];
        IReadOnlyList<ScaleCount> scale = q.Kind == QuestionKind.Scale && q.ScaleFrom is { } from && q.ScaleTo is { } to
            ? [.. Enumerable.Range(from, to - from + 1).Select(v => new ScaleCount(v, given.Count(a => a.Scale == v)))]
            : [];
        var values = given.Where(a => a.Scale is not null).Select(a => (decimal)a.Scale!.Value).ToList();
        decimal? mean = q.Kind == QuestionKind.Scale && values.Count > 0 ? Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero) : null;
        IReadOnlyList<TextGroup> texts = q.Kind == QuestionKind.FreeText
            ? [.. given.Where(a => a.Text is not null)
                .GroupBy(a => Normalised(a.Text!))
                .Select(g => new TextGroup(g.First().Text!, g.Count()))
                .OrderByDescending(g => g.Count)]
            : [];
        return new QuestionResult(q.Id, q.Kind, q.Text, given.Count, options, scale, mean, q.LowLabel, q.HighLabel, texts);
    }

    /// <summary>"Mehr Bänke " and "mehr  bänke" are the same answer.</summary>
    private static string Normalised(string text)
        => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!').ToLower(CultureInfo.GetCultureInfo("de-DE"));
}

/// <summary>Surveys to list and the results of one.</summary>
internal sealed class SurveyQueries(IQuerySession session, IClock clock)
{
    public async Task<IReadOnlyList<SurveySummary>> ListAsync(bool openOnly, string? quartier, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var query = session.Query<Survey>().AsQueryable();
        if (openOnly)
        {
            query = query.Where(s => s.ClosesOn >= today);
        }

        if (!string.IsNullOrWhiteSpace(quartier))
        {
            query = query.Where(s => s.Quartier == quartier);
        }

        var surveys = await query.OrderByDescending(s => s.ClosesOn).Take(200).ToListAsync(cancellationToken);
        var ids = surveys.Select(s => s.Id).ToArray();
        var counts = ids.Length == 0 ? [] : (await session.Query<SurveyAnswer>().Where(a => ids.Contains(a.SurveyId))
                .Select(a => a.SurveyId).ToListAsync(cancellationToken))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return [.. surveys.Select(s => new SurveySummary(s.Id, s.Title, s.Quartier, s.ClosesOn, s.IsOpenOn(today), counts.GetValueOrDefault(s.Id)))];
    }

    public Task<Survey?> FindAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<Survey>(id, cancellationToken);

    public async Task<SurveyResult?> ResultAsync(Guid id, CancellationToken cancellationToken)
    {
        var survey = await session.LoadAsync<Survey>(id, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var answers = await session.Query<SurveyAnswer>().Where(a => a.SurveyId == id).ToListAsync(cancellationToken);
        return SurveyTally.Tally(survey, answers, clock.Today());
    }
}
