using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

/// <summary>
/// A resident left contact details at the door during an activating survey: a concern for the case managers' queue,
/// reported through the same use case as one reported on the page, in the name of the survey (its source) and the
/// person who recorded it. A message handled twice (after a crash) finds its concern and adds none.
/// </summary>
public static class SurveyContactLeftHandler
{
    public const string Source = "Aktivierende Befragung";

    public static async Task HandleAsync(SurveyContactLeft message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var reporter = new SurveyReporter(message.RecordedByUserId, $"{Source} „{message.SurveyTitle}“ (erfasst von {message.RecordedByName})");
        var description = Description(message);
        if (await session.Query<Concern>().AnyAsync(c => c.ReportedBy == reporter.Id && c.Description == description, cancellationToken))
        {
            return;
        }

        var report = new ReportConcern(session, new AuditTrail(session, reporter, clock), reporter, clock, new ReportConcernRequestValidator());
        var outcome = await report.HandleAsync(new ReportConcernRequest(message.ContactName, message.ContactAddress, description), cancellationToken);
        if (!outcome.IsDone)
        {
            // Quartiere checks the same limits before publishing; a refusal here is a bug and goes to the dead letters.
            throw new InvalidOperationException($"The concern of survey answer {message.AnswerId} was refused: "
                + string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        }
    }

    private static string Description(SurveyContactLeft message)
    {
        var lines = new List<string>
        {
            $"{Source} „{message.SurveyTitle}“ in {message.Quartier}: die Person hat ihre Kontaktdaten mit Einwilligung hinterlassen und möchte angesprochen werden.",
        };
        if (message.ContactPhone is { } phone)
        {
            lines.Add($"Telefon: {phone}");
        }

        if (message.Note is { } note)
        {
            lines.Add($"Notiz: {note}");
        }

        lines.Add($"(Antwort {message.AnswerId:D})");
        return string.Join('\n', lines);
    }

    /// <summary>Who reports the concern when no one is signed in: the survey, on behalf of whoever recorded the answer.</summary>
    private sealed class SurveyReporter(Guid id, string displayName) : ICurrentUser
    {
        public Guid Id { get; } = id;

        public string DisplayName { get; } = displayName;

        public bool IsInRole(string role) => false;
    }
}
