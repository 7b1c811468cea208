namespace QuartierPflege.Partners.Contracts;

public enum PartnerStatus
{
    Active = 0,
    Paused = 1,
    Ended = 2,
}

/// <summary>Whether an active partner takes new people now.</summary>
public enum PartnerCapacity
{
    Accepting = 0,
    WaitingList = 1,
    Full = 2,
}

/// <summary>
/// What other modules may know about a partner organisation. <paramref name="ReferralContactName"/> and
/// <paramref name="ReferralEmail"/> are where referrals go: the contact person named for referrals, else the
/// partner's own address.
/// </summary>
public sealed record PartnerListing(
    Guid PartnerId,
    string Name,
    IReadOnlyList<string> ServiceCategories,
    IReadOnlyList<string> Quartiere,
    PartnerStatus Status,
    string? Phone,
    string? Email,
    IReadOnlyList<string>? Languages = null,
    PartnerCapacity Capacity = PartnerCapacity.Accepting,
    string? ReferralContactName = null,
    string? ReferralEmail = null);

/// <summary>
/// A search of the directory; every criterion is optional. <paramref name="Text"/> is German full text (stemmed:
/// "Pflegedienste" finds "Pflegedienst"); <paramref name="Language"/> a key of the directory's languages
/// ("de", "ru", …); without <paramref name="IncludeUnavailable"/> only active partners are found.
/// </summary>
public sealed record PartnerSearch(
    string? Text = null,
    string? ServiceCategory = null,
    string? Quartier = null,
    string? Language = null,
    PartnerCapacity? Capacity = null,
    bool IncludeUnavailable = false,
    int Limit = 100);

/// <summary>The partner directory's read-only query face (the only way other modules read partners).</summary>
public interface IPartnerDirectory
{
    /// <summary>Active partners offering the category (all categories when null) in the Quartier (all when null).</summary>
    Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken);

    Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken);

    /// <summary>Partners matching every given criterion, accepting ones first, then by name.</summary>
    Task<IReadOnlyList<PartnerListing>> SearchAsync(PartnerSearch search, CancellationToken cancellationToken);
}
