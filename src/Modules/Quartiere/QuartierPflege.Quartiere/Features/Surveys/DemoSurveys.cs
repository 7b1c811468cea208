using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Quartiere.Features.Surveys;

/// <summary>
/// A closed door-step survey in Döbeln-Ost with 40 answers (lonely afternoons and missing meeting places come up, as in
/// the Lagebild), and an open one in Döbeln-Nord to record answers in. Dates follow the day of first seeding.
/// </summary>
internal sealed class DemoSurveys(IDocumentSession session, IClock clock) : IDemoDataSeeder
{
    public static readonly Guid ClosedSurveyId = new("6b1d3c40-0a9e-4c51-9d0e-5a1f00000001");
    public static readonly Guid OpenSurveyId = new("6b1d3c40-0a9e-4c51-9d0e-5a1f00000002");
    public const string OpenSurveyTitle = "Nachbarschaft in Döbeln-Nord";

    private static readonly Guid DemoRecorder = new("6b1d3c40-0a9e-4c51-9d0e-5a1f000000ff");

    private static readonly string[] Wishes =
    [
        "Ein Café, in dem man sich nachmittags trifft.",
        "Mehr Bänke an der Mulde.",
        "Jemand, der mal vorbeischaut.",
        "Ein Bus am Sonntag.",
        "Ein Café, in dem man sich nachmittags trifft.",
        "Hilfe beim Einkaufen, seit ich nicht mehr Auto fahre.",
        "Ein Spieleabend für Ältere.",
        "Mehr Bänke an der Mulde",
    ];

    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Survey>(ClosedSurveyId, cancellationToken) is not null)
        {
            return;
        }

        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var closed = ClosedSurvey(today, now);
        session.Insert(closed, OpenSurvey(today, now));
        session.Insert<SurveyAnswer>(Answers(closed, today));
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Survey ClosedSurvey(LocalDate today, Instant now) => new()
    {
        Id = ClosedSurveyId,
        Title = "Gut älter werden in Döbeln-Ost",
        Quartier = "Döbeln-Ost",
        ClosesOn = today.PlusDays(-10),
        CreatedByName = "Koordination (Demo)",
        CreatedAt = now,
        Questions =
        [
            new(Q(1), QuestionKind.SingleChoice, "Wie lange wohnen Sie schon im Quartier?", ["weniger als 5 Jahre", "5 bis 20 Jahre", "mehr als 20 Jahre"]),
            new(Q(2), QuestionKind.MultipleChoice, "Was fehlt Ihnen im Quartier?", ["Treffpunkte", "Einkaufsmöglichkeiten", "Busverbindungen", "Hilfe im Alltag", "Arztpraxen"]),
            new(Q(3), QuestionKind.Scale, "Wie oft fühlen Sie sich allein?", [], 1, 5, "nie", "sehr oft"),
            new(Q(4), QuestionKind.FreeText, "Was würden Sie sich für Ihr Quartier wünschen?", []),
        ],
    };

    private static Survey OpenSurvey(LocalDate today, Instant now) => new()
    {
        Id = OpenSurveyId,
        Title = OpenSurveyTitle,
        Quartier = "Döbeln-Nord",
        ClosesOn = today.PlusDays(60),
        CreatedByName = "Koordination (Demo)",
        CreatedAt = now,
        Questions =
        [
            new(Q(11), QuestionKind.SingleChoice, "Kennen Sie Ihre Nachbarn?", ["ja, die meisten", "einige", "kaum"]),
            new(Q(12), QuestionKind.Scale, "Wie gern leben Sie hier?", [], 1, 5, "gar nicht gern", "sehr gern"),
            new(Q(13), QuestionKind.FreeText, "Was wünschen Sie sich in der Nachbarschaft?", []),
        ],
    };

    /// <summary>40 conversations, varied but repeatable: longer residents miss meeting places and feel alone more often.</summary>
    private static IEnumerable<SurveyAnswer> Answers(Survey survey, LocalDate today)
        => Enumerable.Range(0, 40).Select(i =>
        {
            var years = i % 5 == 0 ? 0 : i % 3 == 0 ? 1 : 2;
            List<int> missing = [.. new[] { 0, 1, 2, 3, 4 }.Where(o => (i + o * 3) % 4 == 0 || (o == 0 && years == 2 && i % 2 == 0))];
            var lonely = Math.Clamp(2 + years - (i % 4 == 0 ? 1 : 0) + (i % 7 == 0 ? 1 : 0), 1, 5);
            List<QuestionAnswer> answers =
            [
                new(survey.Questions[0].Id, [years], null, null),
                new(survey.Questions[2].Id, [], lonely, null),
            ];
            if (missing.Count > 0)
            {
                answers.Insert(1, new QuestionAnswer(survey.Questions[1].Id, missing, null, null));
            }

            if (i % 3 != 2)
            {
                answers.Add(new QuestionAnswer(survey.Questions[3].Id, [], null, Wishes[i % Wishes.Length]));
            }

            return new SurveyAnswer
            {
                Id = new Guid($"6b1d3c40-0a9e-4c51-9d0e-5a1f1{i:D7}"),
                SurveyId = survey.Id,
                RecordedBy = DemoRecorder,
                RecordedAt = Berlin.StartOfDay(today.PlusDays(-40 + i / 2)).Plus(Duration.FromHours(10 + (i % 6))),
                Answers = answers,
                ContactLeft = i % 13 == 4,
            };
        });

    private static Guid Q(int n) => new($"6b1d3c40-0a9e-4c51-9d0e-5a1f2{n:D7}");
}
