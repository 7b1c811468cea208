using NodaTime;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Tests.Domain;

public sealed class CaseWorkTests
{
    private static Case NewCase(CaseStatus status = CaseStatus.Open, LocalDate? lastContact = null) => new()
    {
        Number = "F-2026-0001",
        ResidentName = "Erika Müller",
        CaseManagerName = "Sabine Fuchs",
        Quartier = "Döbeln-Nord",
        Status = status,
        OpenedOn = new LocalDate(2026, 2, 1),
        LastContactOn = lastContact ?? new LocalDate(2026, 2, 10),
    };

    [Fact]
    public void A_contact_moves_the_last_contact_forward_and_never_back()
    {
        var @case = NewCase();

        @case.RecordContact(new LocalDate(2026, 2, 20));
        @case.RecordContact(new LocalDate(2026, 2, 15));

        Assert.Equal(new LocalDate(2026, 2, 20), @case.LastContactOn);
    }

    [Theory]
    [InlineData("Open", "InProgress", true)]
    [InlineData("InProgress", "Dormant", true)]
    [InlineData("Dormant", "Open", true)]
    [InlineData("InProgress", "Closed", false)]
    [InlineData("Closed", "Open", false)]
    public void An_open_case_moves_between_the_working_statuses_and_closing_is_separate(string from, string to, bool allowed)
        => Assert.Equal(allowed, CaseWork.CanChangeStatus(NewCase(Enum.Parse<CaseStatus>(from)), Enum.Parse<CaseStatus>(to)));

    [Fact]
    public void The_no_contact_alert_starts_on_the_Nth_day_and_never_for_a_closed_case()
    {
        var @case = NewCase(lastContact: new LocalDate(2026, 2, 16));

        Assert.False(@case.HasNoContactAlert(new LocalDate(2026, 3, 1), 14));
        Assert.True(@case.HasNoContactAlert(new LocalDate(2026, 3, 2), 14));
        Assert.False(NewCase(CaseStatus.Closed, new LocalDate(2026, 1, 1)).HasNoContactAlert(new LocalDate(2026, 3, 2), 14));
    }

    [Fact]
    public void A_follow_up_may_not_be_due_before_the_case_was_opened_and_marking_done_twice_keeps_the_first()
    {
        var @case = NewCase();
        var followUp = new FollowUp { Title = "Rückruf", CreatedByName = "Test", DueOn = new LocalDate(2026, 2, 5) };
        var first = Instant.FromUtc(2026, 2, 6, 8, 0);

        followUp.MarkDone(true, Guid.NewGuid(), "Erste", first);
        followUp.MarkDone(true, Guid.NewGuid(), "Zweite", first.Plus(Duration.FromHours(1)));

        Assert.False(FollowUp.MayBeDueOn(new LocalDate(2026, 1, 31), @case));
        Assert.True(FollowUp.MayBeDueOn(new LocalDate(2026, 2, 1), @case));
        Assert.Equal(("Erste", first), (followUp.DoneByName, followUp.DoneAt!.Value));
        Assert.False(followUp.IsOverdueOn(new LocalDate(2026, 3, 1)));
    }
}
