namespace QuartierPflege.Volunteers.Contracts;

/// <summary>
/// Which volunteer a signed-in account belongs to, for modules that serve volunteers their own records (Compensation:
/// bank details, payouts; Quartiere: activities in their Quartier). Volunteers owns the link between account and volunteer.
/// </summary>
public interface IVolunteerDirectory
{
    /// <summary>The volunteer whose account <paramref name="userId"/> is; null when the account is no volunteer's.</summary>
    Task<Guid?> VolunteerIdOfUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The volunteer of account <paramref name="userId"/> with the Quartier they live and help in (from their profile);
    /// null when the account is no volunteer's.
    /// </summary>
    Task<VolunteerOfAccount?> VolunteerOfUserAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>A signed-in volunteer as other modules may know them: the id and their Quartier (a name of the managed list).</summary>
public sealed record VolunteerOfAccount(Guid VolunteerId, string Quartier);
