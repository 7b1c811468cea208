using NodaTime;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>The domain rules as plain functions: no database.</summary>
public sealed class RulesTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    [Fact]
    public void A_wish_naming_days_and_a_part_of_the_day_names_those_slots()
    {
        var slots = Availability.SlotsIn("Dienstag oder Donnerstag vormittags");

        Assert.Equal(["di-vormittag", "do-vormittag"], slots.Order(StringComparer.Ordinal));
        Assert.Empty(Availability.SlotsIn("nach Absprache"));
    }

    [Fact]
    public void A_section_45a_helper_in_the_same_flat_without_declarations_and_beyond_40_hours_is_refused_with_each_reason()
    {
        var role = Catalogue.DefaultRoles().Single(r => r.Id == "nachbarschaftshilfe");
        var volunteer = Helper();
        var request = Request(hours: 30, street: "Bahnhofstr.", house: "3", flat: "2. OG links");
        var busy = new Assignment { VolunteerId = volunteer.Id, RoleProfileKey = "besuchsdienst", CompensationModelKey = "unentgeltlich", Street = "x", HouseNumber = "1", Description = "x", HoursPerMonth = 15 };

        var reasons = AssignmentRules.Refusals(volunteer, role, request, [busy], new(false, true, true), Today);

        Assert.Contains(reasons, r => r.Contains("selben Haushalt", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("nicht bis zum 2. Grad verwandt", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("40 Stunden", StringComparison.Ordinal));
    }

    [Fact]
    public void A_qualified_helper_elsewhere_with_the_declarations_is_not_refused()
    {
        var role = Catalogue.DefaultRoles().Single(r => r.Id == "nachbarschaftshilfe");

        Assert.Empty(AssignmentRules.Refusals(Helper(), role, Request(hours: 10, street: "Ritterstraße", house: "9", flat: null), [], new(true, true, true), Today));
    }

    [Fact]
    public void A_minor_is_refused_for_section_45a()
    {
        var role = Catalogue.DefaultRoles().Single(r => r.Id == "nachbarschaftshilfe");
        var young = Helper();
        young.BirthDate = Today.PlusYears(-17);

        Assert.Contains(AssignmentRules.Refusals(young, role, Request(5, "Ritterstraße", "9", null), [], new(true, true, true), Today),
            r => r.Contains("Volljährige", StringComparison.Ordinal));
    }

    [Fact]
    public void Matching_puts_the_same_Quartier_first_and_says_why()
    {
        var role = Catalogue.DefaultRoles().Single(r => r.Id == "besuchsdienst");
        var near = Helper("Döbeln-Ost", "Nah");
        var here = Helper("Döbeln-Nord", "Hier");
        var far = Helper("Hartha", "Fern");

        var ranked = Matching.Rank(Request(4, "Ritterstraße", "9", null), role, ["Döbeln-Ost"], [new(near, 0, 0), new(here, 0, 0), new(far, 0, 0)]);

        Assert.Equal(["Hier", "Nah"], ranked.Select(r => r.Volunteer.LastName));
        Assert.StartsWith("Wohnt im selben Quartier", ranked[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Nachbarquartier", ranked[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enrolment_is_active_when_nothing_is_missing_and_suspended_when_a_requirement_lapses()
    {
        Assert.Equal(EnrolmentState.Active, Requirements.Next(EnrolmentState.Applied, anythingMissing: false, anyCertificate: true));
        Assert.Equal(EnrolmentState.Suspended, Requirements.Next(EnrolmentState.Active, anythingMissing: true, anyCertificate: true));
        Assert.Equal(EnrolmentState.Active, Requirements.Next(EnrolmentState.Suspended, anythingMissing: false, anyCertificate: true));
        Assert.Equal(EnrolmentState.Applied, Requirements.Next(EnrolmentState.Applied, anythingMissing: true, anyCertificate: false));
    }

    private static Volunteer Helper(string quartier = "Döbeln-Nord", string last = "Helfer")
    {
        var volunteer = new Volunteer
        {
            FirstName = "Hanna", LastName = last, Email = $"{last}@x.de", Phone = "03431 1", Street = "Bahnhofstraße", HouseNumber = "3",
            Flat = "2. OG links", Quartier = quartier, BirthDate = new LocalDate(1960, 1, 1), Status = VolunteerStatus.Confirmed,
            Availability = ["di-vormittag"],
        };
        volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = "nachbarschaftshilfe", State = EnrolmentState.Active });
        volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = "besuchsdienst", State = EnrolmentState.Active });
        volunteer.RefreshActiveRoles();
        return volunteer;
    }

    private static HelpRequest Request(int hours, string street, string house, string? flat) => new()
    {
        Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Quartier = "Döbeln-Nord", Street = street, HouseNumber = house, Flat = flat,
        RoleProfileKey = "nachbarschaftshilfe", Description = "Einkaufen", HoursPerMonth = hours, PreferredTimes = "Dienstag vormittags", StartsOn = Today,
    };
}
