using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.DataProtection;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;
using QuartierPflege.Testing;
using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Quartiere.Tests.DataProtection;

/// <summary>
/// Quartiere's part of data protection: the sweep anonymises answers of long-closed surveys and old forum meetings and
/// deletes long-ended groups (once, also when two sweeps run at once, the forecast agreeing), a volunteer's copy holds
/// the activities they help with, and their erasure takes them off every activity.
/// </summary>
public sealed class QuartiereDataProtectionTests(QpApp app) : IClassFixture<QpApp>
{
    private const string FreeText = "Frau Seidel aus der Nummer 12 ist oft allein.";

    [Fact]
    public async Task The_sweep_anonymises_old_survey_answers_and_forum_meetings_and_deletes_long_ended_groups_exactly_once()
    {
        var today = Berlin.Today(app.Clock);
        var (oldSurvey, oldAnswer) = await SurveyWithAnswerAsync(closesOn: today.PlusYears(-2).PlusDays(-1));
        var (recentSurvey, recentAnswer) = await SurveyWithAnswerAsync(closesOn: today.PlusYears(-2));
        var oldMeeting = await MeetingAsync(today.PlusYears(-5).PlusDays(-1));
        var recentMeeting = await MeetingAsync(today.PlusYears(-5));
        var endedLongAgo = await GroupAsync(today.PlusYears(-1).PlusDays(-1));
        var endedRecently = await GroupAsync(today.PlusYears(-1));
        var running = await GroupAsync(null);

        var periods = await PeriodsAsync();
        var forecast = await app.InScopeAsync(sp => Holder(sp).DueAsync(today, periods, CancellationToken.None));
        Assert.Equal(2, Count(forecast, QuartierePersonalData.SurveyAnswerKey).Anonymised);
        Assert.Equal(1, Count(forecast, QuartierePersonalData.ForumMeetingKey).Anonymised);
        Assert.Equal(1, Count(forecast, QuartierePersonalData.GroupContactKey).Deleted);

        // Two sweeps at once (a duplicate delivery, or a second Host): every record is counted by one of them.
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var tracked = await app.SweepAtOnceAsync(today, periods, first, second);
        var replies = Swept(tracked);
        Assert.Equal(new[] { first, second }.Order(), replies.Select(r => r.SweepId).Order());
        Assert.Equal(2, replies.Sum(r => Count(r.Counts, QuartierePersonalData.SurveyAnswerKey).Anonymised));
        Assert.Equal(1, replies.Sum(r => Count(r.Counts, QuartierePersonalData.ForumMeetingKey).Anonymised));
        Assert.Equal(1, replies.Sum(r => Count(r.Counts, QuartierePersonalData.GroupContactKey).Deleted));

        var again = Swept(await app.PublishAndTrackAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), today, periods)));
        Assert.All(Assert.Single(again).Counts, c => Assert.Equal((0, 0), (c.Anonymised, c.Deleted)));
        Assert.All(await app.InScopeAsync(sp => Holder(sp).DueAsync(today, periods, CancellationToken.None)), c => Assert.Equal((0, 0), (c.Anonymised, c.Deleted)));

        var answer = await LoadAsync<SurveyAnswer>(oldAnswer);
        Assert.Equal((Guid.Empty, today), (answer.RecordedBy, answer.AnonymisedOn!.Value));
        Assert.Null(answer.Answers[1].Text);
        Assert.Equal([1], answer.Answers[0].Choices);
        Assert.Equal(QuartiereRetention.Anonymised, (await LoadAsync<Survey>(oldSurvey)).CreatedByName);
        Assert.Equal(FreeText, (await LoadAsync<SurveyAnswer>(recentAnswer)).Answers[1].Text);
        Assert.Equal("Ines Koordination", (await LoadAsync<Survey>(recentSurvey)).CreatedByName);

        var meeting = await LoadAsync<ForumMeeting>(oldMeeting);
        Assert.Empty(meeting.NamedParticipants);
        Assert.Equal((9, "Hartha", QuartiereRetention.Anonymised), (meeting.ParticipantCount, meeting.Quartier, meeting.Minutes));
        Assert.All(meeting.Actions, a => Assert.Equal(QuartiereRetention.Anonymised, a.Owner));
        Assert.Equal("Bänke beantragen", Assert.Single(meeting.Actions).Text);
        Assert.Equal(["Hilde Brandt", "Kurt Brandt"], (await LoadAsync<ForumMeeting>(recentMeeting)).NamedParticipants);

        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ResidentGroup>(endedLongAgo)));
        Assert.Equal("Erika Muster", (await LoadAsync<ResidentGroup>(endedRecently)).ContactPerson);
        Assert.Equal("Erika Muster", (await LoadAsync<ResidentGroup>(running)).ContactPerson);
    }

    [Fact]
    public async Task A_volunteers_copy_lists_the_activities_they_help_with_and_erasure_takes_them_off_every_activity()
    {
        var today = Berlin.Today(app.Clock);
        var volunteer = Guid.NewGuid();
        var other = Guid.NewGuid();
        var repairCafe = await ActivityAsync("Reparaturcafé", (volunteer, "Paul Helfer"), (other, "Olga Andere"));
        var walk = await ActivityAsync("Spaziergang am Fluss", (volunteer, "Paul Helfer"));
        var notTheirs = await ActivityAsync("Kaffeenachmittag", (other, "Olga Andere"));
        var subject = new DataSubject(DataSubjectKind.Volunteer, volunteer, "Paul Helfer", [], "paul@example.org");

        var section = await app.InScopeAsync(sp => Holder(sp).ExportAsync(subject, CancellationToken.None));
        Assert.Equal(["Mithilfe bei „Reparaturcafé“", "Mithilfe bei „Spaziergang am Fluss“"], section.Records.Select(r => r.Title));
        Assert.All(section.Records, r => Assert.Equal(QuartierePersonalData.ActivityHelperKey, r.KindKey));
        Assert.Contains(section.Records[0].Fields, f => f.Label == "Hilft mit seit" && f.Value == GermanDates.Show(app.Clock.GetCurrentInstant()));
        Assert.DoesNotContain(section.Records.SelectMany(r => r.Fields), f => f.Value?.Contains("Olga", StringComparison.Ordinal) == true);
        Assert.Empty(await app.InScopeAsync(sp => Holder(sp).ErasureObjectionsAsync(subject, CancellationToken.None)));
        var resident = new DataSubject(DataSubjectKind.Resident, volunteer, "Paul Helfer", [], null);
        Assert.Empty((await app.InScopeAsync(sp => Holder(sp).ExportAsync(resident, CancellationToken.None))).Records);

        var requestId = Guid.NewGuid();
        var erased = Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, subject, today)));
        var line = Assert.Single(Assert.Single(erased).Lines);
        Assert.Equal((QuartierePersonalData.ActivityHelperKey, 2, 0), (line.KindKey, line.Erased, line.Restricted));
        Assert.Equal([other], (await LoadAsync<Activity>(repairCafe)).Helpers.Select(h => h.VolunteerId));
        Assert.Empty((await LoadAsync<Activity>(walk)).Helpers);
        Assert.Equal([other], (await LoadAsync<Activity>(notTheirs)).Helpers.Select(h => h.VolunteerId));
        Assert.Empty((await app.InScopeAsync(sp => Holder(sp).ExportAsync(subject, CancellationToken.None))).Records);

        var repeated = Erased(await app.PublishAndTrackAsync(new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), requestId, subject, today)));
        Assert.Empty(Assert.Single(repeated).Lines);
    }

    private static IPersonalDataHolder Holder(IServiceProvider sp) => sp.HolderOf(QuartierePersonalData.ModuleName);

    private static RetentionCount Count(IEnumerable<RetentionCount> counts, string key) => counts.Single(c => c.KindKey == key);

    private static IReadOnlyList<RetentionSwept> Swept(ITrackedSession tracked) => tracked.SweptBy(QuartierePersonalData.ModuleName);

    private static IReadOnlyList<DataSubjectErased> Erased(ITrackedSession tracked) => tracked.ErasedBy(QuartierePersonalData.ModuleName);

    private Task<RetentionPeriods> PeriodsAsync() => Task.FromResult(app.DefaultRetentionPeriods());

    private Task<T> LoadAsync<T>(Guid id)
        where T : notnull
        => app.InScopeAsync(async sp => (await sp.GetRequiredService<IQuerySession>().LoadAsync<T>(id))!);

    private Task<Guid> StoreAsync<T>(T document, Guid id)
        where T : notnull
        => app.InScopeAsync(async sp =>
        {
            var session = sp.GetRequiredService<IDocumentSession>();
            session.Store(document);
            await session.SaveChangesAsync();
            return id;
        });

    private async Task<(Guid Survey, Guid Answer)> SurveyWithAnswerAsync(LocalDate closesOn)
    {
        var choice = new SurveyQuestion(Guid.NewGuid(), QuestionKind.SingleChoice, "Wie gern wohnen Sie hier?", ["gar nicht", "gern"]);
        var text = new SurveyQuestion(Guid.NewGuid(), QuestionKind.FreeText, "Was fehlt Ihnen?", []);
        var survey = new Survey { Title = "Befragung Hartha", Quartier = "Hartha", ClosesOn = closesOn, Questions = [choice, text], CreatedByName = "Ines Koordination", CreatedAt = app.Clock.GetCurrentInstant() };
        await StoreAsync(survey, survey.Id);
        var answer = new SurveyAnswer
        {
            SurveyId = survey.Id,
            RecordedBy = Guid.NewGuid(),
            RecordedAt = app.Clock.GetCurrentInstant(),
            Answers = [new QuestionAnswer(choice.Id, [1], null, null), new QuestionAnswer(text.Id, [], null, FreeText)],
        };
        await StoreAsync(answer, answer.Id);
        return (survey.Id, answer.Id);
    }

    private Task<Guid> MeetingAsync(LocalDate date)
    {
        var meeting = new ForumMeeting
        {
            Quartier = "Hartha",
            Date = date,
            Place = "Begegnungsstätte am Markt",
            NamedParticipants = ["Hilde Brandt", "Kurt Brandt"],
            NamesConsented = true,
            OtherParticipants = 7,
            Minutes = "Hilde Brandt berichtet von fehlenden Bänken.",
            Actions = [new ForumAction(Guid.NewGuid(), "Bänke beantragen", "Hilde Brandt", date.PlusDays(14))],
        };
        return StoreAsync(meeting, meeting.Id);
    }

    private Task<Guid> GroupAsync(LocalDate? endedOn)
    {
        var group = new ResidentGroup { Name = "Seniorentreff", Quartier = "Hartha", ContactPerson = "Erika Muster", Rhythm = "jeden 2. Dienstag", EndedOn = endedOn };
        return StoreAsync(group, group.Id);
    }

    private Task<Guid> ActivityAsync(string title, params (Guid Id, string Name)[] helpers)
    {
        var activity = new Activity
        {
            Quartier = "Hartha",
            Title = title,
            Place = "Markt 1",
            When = "donnerstags 14–16 Uhr",
            Helpers = [.. helpers.Select(h => new ActivityHelper(h.Id, h.Name, app.Clock.GetCurrentInstant()))],
        };
        return StoreAsync(activity, activity.Id);
    }
}
