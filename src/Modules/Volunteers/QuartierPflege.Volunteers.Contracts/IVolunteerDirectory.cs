namespace QuartierPflege.Volunteers.Contracts;

/// <summary>
/// Which volunteer a signed-in account belongs to, for modules that serve volunteers their own records (Compensation:
/// bank details, payouts). Volunteers owns the link between account and volunteer.
/// </summary>
public interface IVolunteerDirectory
{
    /// <summary>The volunteer whose account <paramref name="userId"/> is; null when the account is no volunteer's.</summary>
    Task<Guid?> VolunteerIdOfUserAsync(Guid userId, CancellationToken cancellationToken);
}
