using System.Text.Json.Serialization;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>
/// What a resident agreed to (Einwilligung): one purpose, for sharing also to whom, when and in which form. Withdrawing
/// keeps the record (consent must stay provable) and takes effect at once.
/// </summary>
internal sealed class Consent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ResidentId { get; init; }

    public ConsentPurpose Purpose { get; init; }

    /// <summary>Sharing with one named partner organisation (other modules' ids are plain values).</summary>
    public Guid? PartnerId { get; init; }

    public string? PartnerName { get; init; }

    /// <summary>Sharing with every partner of a service category (key of <c>ServiceCategories</c>).</summary>
    public string? ServiceCategory { get; init; }

    public LocalDate GivenOn { get; init; }

    public ConsentForm Form { get; init; }

    /// <summary>Required for verbal consent: who witnessed it.</summary>
    public string? WitnessName { get; set; }

    public Guid RecordedBy { get; init; }

    public required string RecordedByName { get; init; }

    public Instant RecordedAt { get; init; }

    [JsonInclude]
    public Instant? WithdrawnAt { get; private set; }

    [JsonInclude]
    public Guid? WithdrawnBy { get; private set; }

    [JsonInclude]
    public string? WithdrawnByName { get; private set; }

    /// <summary>The day the resident withdrew (told us, signed, …): may lie before the day it was recorded.</summary>
    [JsonInclude]
    public LocalDate? WithdrawnOn { get; private set; }

    /// <summary>How the resident withdrew (in writing, electronically, verbally before a witness).</summary>
    [JsonInclude]
    public ConsentForm? WithdrawalForm { get; private set; }

    /// <summary>The day the retention sweep anonymised this record (null: not yet); never counted or changed again.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public bool IsActive => WithdrawnAt is null;

    public void Withdraw(Instant at, Guid by, string byName, LocalDate? on = null, ConsentForm? form = null)
    {
        if (!IsActive)
        {
            return;
        }

        WithdrawnAt = at;
        WithdrawnBy = by;
        WithdrawnByName = byName;
        WithdrawnOn = on;
        WithdrawalForm = form;
    }
}

internal enum ConsentPurpose
{
    /// <summary>Daten speichern: without it no case may be opened.</summary>
    StoreData = 0,

    /// <summary>Weitergabe an Netzwerkpartner: scoped to a partner or a service category.</summary>
    ShareWithPartners = 1,

    /// <summary>Angehörige kontaktieren.</summary>
    ContactRelatives = 2,

    /// <summary>Nachbarschaftshilfe einbeziehen.</summary>
    InvolveNeighbours = 3,
}

internal enum ConsentForm
{
    Written = 0,
    Electronic = 1,
    VerbalWithWitness = 2,
}
