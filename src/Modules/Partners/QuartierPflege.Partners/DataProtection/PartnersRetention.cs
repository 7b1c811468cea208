using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>
/// When Partners' records are due (plain rules, given the period in force and the sweep's date), and what anonymising
/// them leaves: the referral's category, Quartier, partner, dates and outcome stay for the statistics.
/// </summary>
internal static class PartnersRetention
{
    public const string Anonymised = "anonymisiert";

    /// <summary>A referral of a case closed before the period's first day; one without a known closing day is never due.</summary>
    public static bool ReferralDue(PartnerReferral referral, RetentionDuration period, LocalDate date)
        => referral.AnonymisedOn is null && referral.CaseClosedOn is { } closed && closed < period.Before(date);

    /// <summary>The contact persons of a partner whose end lies before the period's first day (a paused partner keeps them).</summary>
    public static bool ContactPersonsDue(Partner partner, RetentionDuration period, LocalDate date)
        => partner.Status == PartnerStatus.Ended && partner.StatusFrom is { } ended && ended < period.Before(date) && partner.ContactPersons.Count > 0;

    public static bool MeetingDue(NetworkMeeting meeting, RetentionDuration period, LocalDate date)
        => meeting.AnonymisedOn is null && meeting.Date < period.Before(date);

    /// <summary>Removes what the resident disclosed and the free texts of the answers; true when there was anything to remove.</summary>
    public static bool Anonymise(PartnerReferral referral, LocalDate on)
    {
        if (referral.AnonymisedOn is not null)
        {
            return false;
        }

        referral.DisclosedSummary = Anonymised;
        referral.Resident = null;
        referral.ContactPerson = referral.ContactPerson is null ? null : Anonymised;
        referral.Reason = referral.Reason is null ? null : Anonymised;
        referral.AnonymisedOn = on;
        return true;
    }

    /// <summary>Deletes the contact persons, also from the change history; returns how many there were.</summary>
    public static int RemoveContactPersons(Partner partner)
    {
        var count = partner.ContactPersons.Count;
        partner.ContactPersons = [];
        partner.History = [.. partner.History.Select(change => change.What == SavePartnerContactsField
            ? change with { Before = change.Before is null ? null : Anonymised, After = change.After is null ? null : Anonymised }
            : change)];
        return count;
    }

    public static bool Anonymise(NetworkMeeting meeting, LocalDate on)
    {
        if (meeting.AnonymisedOn is not null)
        {
            return false;
        }

        meeting.Minutes = meeting.Minutes is null ? null : Anonymised;
        meeting.Actions = [.. meeting.Actions.Select(a => a with { Owner = Anonymised, DoneBy = a.DoneBy is null ? null : Anonymised })];
        meeting.AnonymisedOn = on;
        return true;
    }

    /// <summary>The history's name for changes of the contact persons (see <c>SavePartner</c>).</summary>
    private const string SavePartnerContactsField = "Ansprechpersonen";
}
