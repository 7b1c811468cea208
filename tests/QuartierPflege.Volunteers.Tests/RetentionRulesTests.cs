using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.DataProtection;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>Volunteers' retention rules as plain functions.</summary>
public sealed class RetentionRulesTests
{
    private static readonly RetentionDuration ThreeYears = RetentionDuration.OfYears(3);

    [Fact]
    public void A_profile_is_due_the_day_after_three_years_without_any_activity_and_never_with_an_active_role_or_assignment()
    {
        var last = new LocalDate(2023, 3, 1);

        Assert.False(VolunteersRetention.ProfileDue(false, false, last, ThreeYears, new LocalDate(2026, 3, 1)));
        Assert.True(VolunteersRetention.ProfileDue(false, false, last, ThreeYears, new LocalDate(2026, 3, 2)));
        Assert.False(VolunteersRetention.ProfileDue(true, false, last, ThreeYears, new LocalDate(2030, 1, 1)));
        Assert.False(VolunteersRetention.ProfileDue(false, true, last, ThreeYears, new LocalDate(2030, 1, 1)));
    }

    [Fact]
    public void A_visit_log_counts_from_the_end_of_its_year()
    {
        var log = new ActivityLog { RoleProfileKey = "besuchsdienst", Kind = "besuch", Date = new LocalDate(2022, 2, 1) };

        Assert.False(VolunteersRetention.VisitLogDue(log, ThreeYears, new LocalDate(2025, 12, 31)));
        Assert.True(VolunteersRetention.VisitLogDue(log, ThreeYears, new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void An_assignment_is_due_only_once_ended_and_not_again_once_anonymised()
    {
        var assignment = new Assignment
        {
            RoleProfileKey = "einkaufshilfe", CompensationModelKey = "unentgeltlich", Street = "Lindenweg", HouseNumber = "3", Description = "Einkauf",
            StartsOn = new LocalDate(2020, 1, 1), Status = AssignmentStatus.Active,
        };
        var date = new LocalDate(2026, 3, 2);

        Assert.False(VolunteersRetention.AssignmentDue(assignment, ThreeYears, date));
        assignment.Status = AssignmentStatus.Ended;
        assignment.EndedOn = new LocalDate(2023, 3, 1);
        Assert.True(VolunteersRetention.AssignmentDue(assignment, ThreeYears, date));
        VolunteersRetention.Anonymise(assignment, date);
        Assert.False(VolunteersRetention.AssignmentDue(assignment, ThreeYears, date));
        Assert.Equal(VolunteersRetention.Anonymised, assignment.Street);
    }
}
