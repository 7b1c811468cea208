using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>The Quartiersarbeit's retention rules as plain functions: is this record due on that date, and what goes.</summary>
internal static class QuartiereRetention
{
    public const string Anonymised = "anonymisiert";

    /// <summary>Answers are due once the survey closed longer ago than the period (the closing day counts as open).</summary>
    public static bool SurveyDue(Survey survey, RetentionDuration period, LocalDate date)
        => period.EndsAfter(survey.ClosesOn) < date;

    public static bool AnswerDue(SurveyAnswer answer, Survey survey, RetentionDuration period, LocalDate date)
        => answer.AnonymisedOn is null && answer.SurveyId == survey.Id && SurveyDue(survey, period, date);

    public static bool MeetingDue(ForumMeeting meeting, RetentionDuration period, LocalDate date)
        => meeting.AnonymisedOn is null && period.EndsAfter(meeting.Date) < date;

    public static bool GroupDue(ResidentGroup group, RetentionDuration period, LocalDate date)
        => group.EndedOn is { } ended && period.EndsAfter(ended) < date;

    /// <summary>Free texts and the recorder go; choices and scale values stay, so the results keep their counts.</summary>
    public static void Anonymise(SurveyAnswer answer, LocalDate date)
    {
        answer.Answers = [.. answer.Answers.Select(a => a with { Text = null })];
        answer.RecordedBy = Guid.Empty;
        answer.AnonymisedOn = date;
    }

    public static void Anonymise(Survey survey, LocalDate date)
    {
        survey.CreatedByName = Anonymised;
        survey.AnonymisedOn = date;
    }

    /// <summary>Named participants become part of the head count; minutes and owners are replaced; what was agreed and when stays.</summary>
    public static void Anonymise(ForumMeeting meeting, LocalDate date)
    {
        meeting.OtherParticipants += meeting.NamedParticipants.Count;
        meeting.NamedParticipants = [];
        meeting.NamesConsented = false;
        meeting.Minutes = meeting.Minutes is null ? null : Anonymised;
        meeting.Actions = [.. meeting.Actions.Select(a => a with { Owner = Anonymised, DoneBy = a.DoneBy is null ? null : Anonymised })];
        meeting.AnonymisedOn = date;
    }

    /// <summary>Takes the volunteer off the activity's helpers; false when they were not on it.</summary>
    public static bool RemoveHelper(Activity activity, Guid volunteerId)
    {
        var before = activity.Helpers.Count;
        activity.Helpers = [.. activity.Helpers.Where(h => h.VolunteerId != volunteerId)];
        return activity.Helpers.Count != before;
    }
}
