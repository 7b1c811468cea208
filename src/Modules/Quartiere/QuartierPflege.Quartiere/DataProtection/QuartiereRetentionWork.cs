using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// One pass over the Quartiersarbeit's records for a date: the sweep applies it (the handler holds the module's sweep
/// lock), the forecast only counts, so both always agree.
/// </summary>
internal static class QuartiereRetentionWork
{
    public static async Task<IReadOnlyList<RetentionCount>> RunAsync(
        IQuerySession query, IDocumentSession? apply, LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        var answerPeriod = periods.For(QuartierePersonalData.SurveyAnswerKey);
        var surveyCutoff = answerPeriod.Before(date);
        var closedSurveys = (await query.Query<Survey>().Where(s => s.ClosesOn <= surveyCutoff).ToListAsync(cancellationToken))
            .Where(s => QuartiereRetention.SurveyDue(s, answerPeriod, date))
            .ToDictionary(s => s.Id);
        var surveyIds = closedSurveys.Keys.ToArray();
        var answers = surveyIds.Length == 0
            ? []
            : (await query.Query<SurveyAnswer>().Where(a => a.AnonymisedOn == null && surveyIds.Contains(a.SurveyId)).ToListAsync(cancellationToken))
                .Where(a => QuartiereRetention.AnswerDue(a, closedSurveys[a.SurveyId], answerPeriod, date))
                .ToList();
        var authors = closedSurveys.Values.Where(s => s.AnonymisedOn is null).ToList();

        var meetingPeriod = periods.For(QuartierePersonalData.ForumMeetingKey);
        var meetingCutoff = meetingPeriod.Before(date);
        var meetings = (await query.Query<ForumMeeting>().Where(m => m.AnonymisedOn == null && m.Date <= meetingCutoff).ToListAsync(cancellationToken))
            .Where(m => QuartiereRetention.MeetingDue(m, meetingPeriod, date))
            .ToList();

        var groupPeriod = periods.For(QuartierePersonalData.GroupContactKey);
        var groupCutoff = groupPeriod.Before(date);
        var groups = (await query.Query<ResidentGroup>().Where(g => g.EndedOn != null && g.EndedOn <= groupCutoff).ToListAsync(cancellationToken))
            .Where(g => QuartiereRetention.GroupDue(g, groupPeriod, date))
            .ToList();

        if (apply is not null)
        {
            foreach (var answer in answers)
            {
                QuartiereRetention.Anonymise(answer, date);
                apply.Update(answer);
            }

            foreach (var survey in authors)
            {
                QuartiereRetention.Anonymise(survey, date);
                apply.UpdateRevision(survey, survey.Version + 1);
            }

            foreach (var meeting in meetings)
            {
                QuartiereRetention.Anonymise(meeting, date);
                apply.UpdateRevision(meeting, meeting.Version + 1);
            }

            foreach (var group in groups)
            {
                apply.Delete(group);
            }
        }

        // Helpers leave an activity's list when they withdraw, so the sweep never finds one due (docs/decisions.md).
        return
        [
            new RetentionCount(QuartierePersonalData.SurveyAnswerKey, answers.Count + authors.Count, 0),
            new RetentionCount(QuartierePersonalData.ForumMeetingKey, meetings.Count, 0),
            new RetentionCount(QuartierePersonalData.GroupContactKey, 0, groups.Count),
            new RetentionCount(QuartierePersonalData.ActivityHelperKey, 0, 0),
        ];
    }
}
