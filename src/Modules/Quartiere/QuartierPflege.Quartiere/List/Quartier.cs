namespace QuartierPflege.Quartiere.List;

/// <summary>A Quartier of the managed list; the name is the document's id (see <see cref="Contracts.QuartierListing"/>).</summary>
internal sealed class Quartier : JasperFx.IRevisioned
{
    public string Id { get; set; } = "";

    /// <summary>Names of the Quartiere next to this one; kept symmetric by whoever edits the list.</summary>
    public List<string> Neighbours { get; set; } = [];

    public bool Active { get; set; } = true;

    public int Version { get; set; }
}
