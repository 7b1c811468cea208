using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// Overwrites what identifies a person or tells their story; keeps what the statistics count (Quartier, problem kinds
/// and outcomes, step kinds and states, dates of help, care level, the birth year).
/// </summary>
internal static class CaseAnonymisation
{
    public const string Removed = "anonymisiert";

    public static void Anonymise(Resident resident, LocalDate on)
    {
        resident.FirstName = Removed;
        resident.LastName = Removed;
        // Only the year stays: age groups survive, the person cannot be found by it.
        resident.DateOfBirth = new LocalDate(resident.DateOfBirth.Year, 1, 1);
        resident.Street = Removed;
        resident.HouseNumber = string.Empty;
        resident.Flat = null;
        resident.PostalCode = string.Empty;
        resident.City = string.Empty;
        resident.Phone = null;
        resident.TenancyNumber = null;
        resident.Languages = [];
        resident.Relatives.Clear();
        resident.AnonymisedOn = on;
    }

    public static void Anonymise(Case @case, LocalDate on)
    {
        @case.ResidentName = Removed;
        @case.ResidentSearchName = string.Empty;
        @case.ClosingSummary = @case.ClosingSummary is null ? null : Removed;
        @case.AnonymisedOn = on;
    }

    public static void Anonymise(ProblemSituation problem)
    {
        problem.OtherText = problem.OtherText is null ? null : Removed;
        problem.Description = problem.Description is null ? null : Removed;
        problem.Alternatives = [];
        problem.ChosenAlternative = null;
        problem.ChoiceReason = null;
        problem.OutcomeNote = null;
    }

    public static void Anonymise(PlanStep step)
    {
        step.Title = Removed;
        step.Owner = Removed;
        step.History = [.. step.History.Select(h => new StepChange { At = h.At, ByName = Removed, Field = h.Field, From = Removed, To = Removed })];
        if (step.Referral is { } referral)
        {
            referral.DisclosedSummary = Removed;
            referral.ContactPerson = null;
            referral.Reason = referral.Reason is null ? null : Removed;
            if (referral.Emergency is { } emergency)
            {
                // The override's fact (when, by whom, to which partner) stays for the report; why is about the resident.
                emergency.Reason = Removed;
            }
        }

        if (step.NeighbourHelp is { } help)
        {
            help.Description = Removed;
            help.PreferredTimes = null;
            help.Candidates = [];
            help.ChosenVolunteerName = help.ChosenVolunteerName is null ? null : Removed;
            help.RefusalReasons = [];
            help.WithdrawalReason = null;
        }
    }

    public static void Anonymise(JournalNote note, LocalDate on)
    {
        note.Text = Removed;
        note.AnonymisedOn = on;
    }

    public static void Anonymise(HomeVisit visit, LocalDate on)
    {
        // The flagged domains stay: they are the kinds of problems found, which the statistics count.
        visit.Content = new HomeVisitContent(new Dictionary<string, string>(), new Dictionary<string, string>(), visit.Content.FlaggedDomains, null);
        visit.VisitedBy = Removed;
        visit.AnonymisedOn = on;
    }

    public static void Anonymise(Consent consent, LocalDate on)
    {
        consent.WitnessName = consent.WitnessName is null ? null : Removed;
        consent.AnonymisedOn = on;
    }
}
