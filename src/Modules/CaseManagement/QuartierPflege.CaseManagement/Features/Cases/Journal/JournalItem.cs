using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using Marten;

namespace QuartierPflege.CaseManagement.Features.Cases.Journal;

internal sealed record JournalItem(Guid Id, string Text, Instant WrittenAt, string WrittenByName, bool IsContact, LocalDate? ContactOn, bool IsConfidential, bool TextWithheld)
{
    public const string WithheldText = "Vertrauliche Notiz: Der Inhalt ist nur für die Fallverantwortlichen sichtbar.";

    /// <summary>The note as shown; <paramref name="withholdConfidential"/> replaces a confidential note's text (coordination).</summary>
    public static JournalItem From(JournalNote n, bool withholdConfidential)
    {
        var withheld = withholdConfidential && n.IsConfidential;
        return new(n.Id, withheld ? WithheldText : n.Text, n.WrittenAt, n.WrittenByName, n.IsContact, n.ContactOn, n.IsConfidential, withheld);
    }
}

internal static class JournalQueries
{
    /// <summary>The notes a person may see: a deputy (who is not also the case manager) never sees confidential ones.</summary>
    public static IQueryable<JournalNote> VisibleNotes(IQuerySession session, Guid caseId, bool onlyDeputy)
    {
        var notes = session.Query<JournalNote>().Where(n => n.CaseId == caseId);
        return onlyDeputy ? notes.Where(n => !n.IsConfidential) : notes;
    }
}
