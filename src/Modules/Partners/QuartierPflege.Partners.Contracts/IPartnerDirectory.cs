namespace QuartierPflege.Partners.Contracts;

public enum PartnerStatus
{
    Active = 0,
    Paused = 1,
    Ended = 2,
}

/// <summary>What other modules may know about a partner organisation.</summary>
public sealed record PartnerListing(
    Guid PartnerId,
    string Name,
    IReadOnlyList<string> ServiceCategories,
    IReadOnlyList<string> Quartiere,
    PartnerStatus Status,
    string? Phone,
    string? Email);

/// <summary>The partner directory's read-only query face (the only way other modules read partners).</summary>
public interface IPartnerDirectory
{
    /// <summary>Active partners offering the category (all categories when null) in the Quartier (all when null).</summary>
    Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken);

    Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken);
}
