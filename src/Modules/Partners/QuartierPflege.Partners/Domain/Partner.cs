using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Partners.Domain;

/// <summary>
/// An organisation in the network (Netzwerkpartner): what it offers, where, and whether it takes referrals now. A Marten
/// document (schema <c>partners</c>); concurrent edits are refused by Marten's optimistic concurrency.
/// </summary>
internal sealed class Partner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Keys of <see cref="ServiceCategories"/>.</summary>
    public List<string> ServiceCategories { get; set; } = [];

    public List<string> Quartiere { get; set; } = [];

    public PartnerStatus Status { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }
}
