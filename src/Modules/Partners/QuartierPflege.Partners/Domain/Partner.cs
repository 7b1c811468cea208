using JasperFx;
using NodaTime;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Partners.Domain;

/// <summary>
/// An organisation in the network (Netzwerkpartner): what it offers, where, and whether it takes referrals now. A Marten
/// document (schema <c>partners</c>) with numeric revisions: an edit sends the revision it read, a stale one is a 409.
/// </summary>
internal sealed class Partner : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>A key of <see cref="PartnerKinds"/>.</summary>
    public string Kind { get; set; } = PartnerKinds.Beratungsstelle;

    /// <summary>Keys of <see cref="ServiceCategories"/>.</summary>
    public List<string> ServiceCategories { get; set; } = [];

    /// <summary>Names from the managed list of Quartiere.</summary>
    public List<string> Quartiere { get; set; } = [];

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>Keys of <see cref="PartnerLanguages"/>.</summary>
    public List<string> Languages { get; set; } = [];

    public List<ContactPerson> ContactPersons { get; set; } = [];

    public PartnerCapacity Capacity { get; set; }

    public PartnerStatus Status { get; set; }

    /// <summary>Since when the current status holds (a pause's or the end's first day).</summary>
    public LocalDate? StatusFrom { get; set; }

    /// <summary>The announced last day of a pause (none: until further notice).</summary>
    public LocalDate? PausedUntil { get; set; }

    /// <summary>Every change of the partner, oldest first, written in the same save as the change itself.</summary>
    public List<PartnerChange> History { get; set; } = [];

    /// <summary>What the German full-text index reads (name, kind, categories, address, languages, opening hours).</summary>
    public string SearchText { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary>Counts in the coverage matrix and is offered for referrals: active and taking people.</summary>
    public bool IsAvailable => Status == PartnerStatus.Active && Capacity == PartnerCapacity.Accepting;

    /// <summary>Where referral mail goes: the contact person for referrals, else the first with an address, else the partner's.</summary>
    public ContactPerson? ReferralContact
        => ContactPersons.FirstOrDefault(c => c.ForReferrals && c.Email is not null) ?? ContactPersons.FirstOrDefault(c => c.Email is not null);

    public void RefreshSearchText()
        => SearchText = string.Join(' ', new[] { Name, PartnerKinds.NameOf(Kind), Address, OpeningHours }
            .Concat(ServiceCategories.Select(Contracts.ServiceCategories.NameOf))
            .Concat(Languages.Select(PartnerLanguages.NameOf))
            .Concat(Quartiere)
            .Where(s => !string.IsNullOrWhiteSpace(s)));

    public PartnerListing ToListing() => new(
        Id, Name, ServiceCategories, Quartiere, Status, Phone, Email, Languages, Capacity,
        ReferralContact?.Name, ReferralContact?.Email ?? Email);
}

internal sealed record ContactPerson(string Name, string? Role, string? Phone, string? Email, bool ForReferrals);

/// <summary>One change of a partner: which field, before and after (German texts, as the page shows them).</summary>
internal sealed record PartnerChange(Instant At, Guid ById, string ByName, string What, string? Before, string? After);

/// <summary>What kind of organisation a partner is (Art), stable keys with German names.</summary>
internal static class PartnerKinds
{
    public const string Pflegedienst = "pflegedienst";
    public const string Hausarztpraxis = "hausarztpraxis";
    public const string Facharztpraxis = "facharztpraxis";
    public const string Haushaltshilfe = "haushaltshilfe";
    public const string Schuldnerberatung = "schuldnerberatung";
    public const string Sozialamt = "sozialamt";
    public const string Pflegestuetzpunkt = "pflegestuetzpunkt";
    public const string Beratungsstelle = "beratungsstelle";
    public const string Wohnungsgenossenschaft = "wohnungsgenossenschaft";
    public const string Verein = "verein";
    public const string Apotheke = "apotheke";
    public const string Fahrdienst = "fahrdienst";
    public const string Tagespflege = "tagespflege";
    public const string Sonstige = "sonstige";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [Pflegedienst] = "Pflegedienst",
        [Hausarztpraxis] = "Hausarztpraxis",
        [Facharztpraxis] = "Facharztpraxis",
        [Haushaltshilfe] = "Haushaltshilfe",
        [Schuldnerberatung] = "Schuldnerberatung",
        [Sozialamt] = "Sozialamt",
        [Pflegestuetzpunkt] = "Pflegestützpunkt",
        [Beratungsstelle] = "Beratungsstelle",
        [Wohnungsgenossenschaft] = "Wohnungsgenossenschaft",
        [Verein] = "Verein",
        [Apotheke] = "Apotheke",
        [Fahrdienst] = "Fahrdienst",
        [Tagespflege] = "Tagespflege",
        [Sonstige] = "Sonstige",
    };

    public static string NameOf(string key) => Names.GetValueOrDefault(key, key);
}

/// <summary>Languages a partner serves people in (ISO 639-1 keys, German names).</summary>
internal static class PartnerLanguages
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["de"] = "Deutsch",
        ["en"] = "Englisch",
        ["ru"] = "Russisch",
        ["uk"] = "Ukrainisch",
        ["pl"] = "Polnisch",
        ["cs"] = "Tschechisch",
        ["ar"] = "Arabisch",
        ["tr"] = "Türkisch",
        ["vi"] = "Vietnamesisch",
        ["dgs"] = "Deutsche Gebärdensprache",
    };

    public static string NameOf(string key) => Names.GetValueOrDefault(key, key);
}

internal static class PartnerTexts
{
    public static string Of(PartnerStatus status) => status switch
    {
        PartnerStatus.Active => "aktiv",
        PartnerStatus.Paused => "pausiert",
        _ => "beendet",
    };

    public static string Of(PartnerCapacity capacity) => capacity switch
    {
        PartnerCapacity.Accepting => "nimmt auf",
        PartnerCapacity.WaitingList => "Warteliste",
        _ => "voll",
    };
}
