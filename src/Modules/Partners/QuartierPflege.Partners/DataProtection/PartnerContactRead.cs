using NodaTime;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>
/// One read of a partner's contact persons (page or API), in Partners' own append-only audit: written once, never
/// changed (no update path in code; the database refuses UPDATEs); deleted only by the retention sweep after 2 years.
/// </summary>
internal sealed class PartnerContactRead
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PartnerId { get; set; }

    public Instant ReadAt { get; set; }

    public Guid ReaderId { get; set; }

    public string ReaderName { get; set; } = string.Empty;

    /// <summary>Where it was shown, in German ("Partnerseite", "API").</summary>
    public string Where { get; set; } = string.Empty;

    public int ContactCount { get; set; }
}
