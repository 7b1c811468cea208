using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Tests.Planning;

/// <summary>Partner answers arrive late or twice; the referral only ever moves forward.</summary>
public sealed class ReferralLifecycleTests
{
    [Theory]
    [InlineData("Sent", "Accepted", true)]
    [InlineData("Sent", "Declined", true)]
    [InlineData("Sent", "CompletedSuccessfully", true)]
    [InlineData("Accepted", "CompletedUnsuccessfully", true)]
    [InlineData("Accepted", "Accepted", false)]
    [InlineData("CompletedSuccessfully", "Accepted", false)]
    [InlineData("Declined", "Accepted", false)]
    [InlineData("Withdrawn", "CompletedSuccessfully", false)]
    [InlineData("Withdrawn", "Accepted", false)]
    public void A_referral_only_moves_forward_and_a_withdrawn_one_not_at_all(string from, string to, bool moves)
        => Assert.Equal(moves, ReferralLifecycle.CanMove(Enum.Parse<ReferralStatus>(from), Enum.Parse<ReferralStatus>(to)));
}
