using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>Which consent covers what, and how a missing one is named to the person who needs it.</summary>
internal static class ConsentRules
{
    public static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.StoreData => "Daten speichern",
        ConsentPurpose.ShareWithPartners => "Weitergabe an Netzwerkpartner",
        ConsentPurpose.ContactRelatives => "Angehörige kontaktieren",
        ConsentPurpose.InvolveNeighbours => "Nachbarschaftshilfe einbeziehen",
        _ => purpose.ToString(),
    };

    public static string Describe(ConsentForm form) => form switch
    {
        ConsentForm.Written => "schriftlich",
        ConsentForm.Electronic => "elektronisch",
        ConsentForm.VerbalWithWitness => "mündlich mit Zeugin/Zeuge",
        _ => form.ToString(),
    };

    public static string CategoryName(string key) => ServiceCategories.Names.TryGetValue(key, out var name) ? name : key;

    /// <summary>"Weitergabe an Netzwerkpartner (Pflegedienst)": the purpose with its scope, as shown in lists and the audit trail.</summary>
    public static string Describe(Consent consent) => consent switch
    {
        { PartnerName: { } partner } => $"{Describe(consent.Purpose)} ({partner})",
        { ServiceCategory: { } category } => $"{Describe(consent.Purpose)} ({CategoryName(category)})",
        _ => Describe(consent.Purpose),
    };

    /// <summary>
    /// Whether an active consent covers the request. Sharing with a partner is covered by a consent for that partner or
    /// for the partner's service category; sharing with a category only by a consent for the whole category (a consent
    /// for one partner does not extend to its competitors); an unscoped sharing request by any sharing consent.
    /// </summary>
    public static bool Covers(Consent consent, ConsentPurpose purpose, Guid? partnerId, string? serviceCategory)
    {
        if (!consent.IsActive || consent.Purpose != purpose)
        {
            return false;
        }

        if (purpose != ConsentPurpose.ShareWithPartners)
        {
            return true;
        }

        var forCategory = serviceCategory is not null && string.Equals(consent.ServiceCategory, serviceCategory, StringComparison.Ordinal);
        return (partnerId, serviceCategory) switch
        {
            (null, null) => true,
            ({ } partner, _) => consent.PartnerId == partner || forCategory,
            _ => forCategory,
        };
    }

    /// <summary>Null when one of the consents covers the request, else a German sentence naming what is missing.</summary>
    public static string? Missing(IEnumerable<Consent> consents, ConsentPurpose purpose, Guid? partnerId, string? serviceCategory)
        => consents.Any(c => Covers(c, purpose, partnerId, serviceCategory))
            ? null
            : $"Es fehlt die Einwilligung „{Describe(purpose)}“{Scope(purpose, partnerId, serviceCategory)}.";

    private static string Scope(ConsentPurpose purpose, Guid? partnerId, string? serviceCategory)
        => purpose != ConsentPurpose.ShareWithPartners ? string.Empty : (partnerId, serviceCategory) switch
        {
            ({ }, { } category) => $" (für {CategoryName(category)} oder diesen Partner)",
            ({ }, null) => " (für diesen Partner)",
            (null, { } category) => $" (für {CategoryName(category)})",
            _ => string.Empty,
        };
}
