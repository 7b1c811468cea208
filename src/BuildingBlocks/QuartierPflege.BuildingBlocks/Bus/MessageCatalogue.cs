namespace QuartierPflege.BuildingBlocks.Bus;

/// <summary>What a message is called in German, and which module it comes from.</summary>
public sealed record MessageDescription(string WireName, string Kind, string Module, bool Known);

/// <summary>
/// The German names of the messages between the modules, by wire name (<c>case-management.referral-requested.v1</c>
/// → „Überweisung an einen Partner angefragt“, Modul „Fallmanagement“): coordinators read these on the message admin
/// page, not technical ids. A test fails for a contract type without an entry here, so the catalogue cannot fall behind
/// the modules' <c>.Contracts</c>.
/// </summary>
public static class MessageCatalogue
{
    private static readonly Dictionary<string, string> Modules = new(StringComparer.Ordinal)
    {
        ["case-management"] = "Fallmanagement",
        ["volunteers"] = "Ehrenamt",
        ["compensation"] = "Auszahlungen",
        ["partners"] = "Netzwerkpartner",
        ["notifications"] = "Benachrichtigungen",
        ["data-protection"] = "Datenschutz",
        ["quartiere"] = "Quartiere",
    };

    // Every name of shared/MESSAGES.md, also those whose publisher is not built yet: a module that lands finds its
    // German names here already.
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["case-management.neighbour-help-requested.v1"] = "Nachbarschaftshilfe angefragt",
        ["case-management.helper-chosen.v1"] = "Helferin oder Helfer ausgewählt",
        ["case-management.neighbour-help-withdrawn.v1"] = "Nachbarschaftshilfe zurückgezogen",
        ["case-management.referral-requested.v1"] = "Überweisung an einen Partner angefragt",
        ["case-management.referral-withdrawn.v1"] = "Überweisung zurückgezogen",
        ["case-management.emergency-disclosure-made.v1"] = "Notfall-Weitergabe ohne Einwilligung (Hinweis an die Koordination)",
        ["case-management.follow-ups-due.v1"] = "Wiedervorlagen fällig",
        ["case-management.case-closed.v1"] = "Fall abgeschlossen",
        ["case-management.send-follow-up-reminders.v1"] = "An fällige Wiedervorlagen erinnern",
        ["case-management.check-no-contact.v1"] = "Fälle ohne Kontakt prüfen",
        ["volunteers.volunteer-registered.v1"] = "Ehrenamtliche Person registriert",
        ["volunteers.volunteer-invited.v1"] = "Einladung an ehrenamtliche Person",
        ["volunteers.helpers-proposed.v1"] = "Helferinnen und Helfer vorgeschlagen",
        ["volunteers.assignment-started.v1"] = "Einsatz begonnen",
        ["volunteers.assignment-refused.v1"] = "Einsatz abgelehnt",
        ["volunteers.assignment-ended.v1"] = "Einsatz beendet",
        ["volunteers.enrolment-activated.v1"] = "Einsatzrolle freigeschaltet",
        ["volunteers.enrolment-suspended.v1"] = "Einsatzrolle ausgesetzt",
        ["volunteers.training-expiring.v1"] = "Schulungsnachweis läuft ab",
        ["volunteers.activity-confirmed.v1"] = "Tätigkeit bestätigt",
        ["volunteers.activity-corrected.v1"] = "Tätigkeit korrigiert",
        ["volunteers.check-training-expiry.v1"] = "Ablaufende Schulungsnachweise prüfen",
        ["partners.referral-accepted.v1"] = "Überweisung vom Partner angenommen",
        ["partners.referral-declined.v1"] = "Überweisung vom Partner abgelehnt",
        ["partners.referral-completed.v1"] = "Überweisung vom Partner abgeschlossen",
        ["partners.partner-unavailable.v1"] = "Partner nicht mehr verfügbar",
        ["partners.check-overdue-referrals.v1"] = "Überfällige Überweisungen prüfen",
        ["partners.referral-overdue.v1"] = "Überweisung überfällig (Erinnerung an den Partner)",
        ["partners.end-elapsed-pauses.v1"] = "Abgelaufene Pausen von Partnern beenden",
        ["partners.referral-withdrawal-notice.v1"] = "Überweisung zurückgezogen (Hinweis an den Partner)",
        ["compensation.payout-run-prepared.v1"] = "Auszahlungslauf vorbereitet",
        ["compensation.payout-approved.v1"] = "Auszahlung freigegeben",
        ["compensation.bank-details-changed.v1"] = "Bankverbindung geändert",
        ["compensation.payout-run-paid.v1"] = "Auszahlungslauf bezahlt",
        ["compensation.prepare-payout-run.v1"] = "Auszahlungslauf vorbereiten",
        ["notifications.send-mail.v1"] = "E-Mail senden",
        ["data-protection.retention-sweep.v1"] = "Aufbewahrungsfristen prüfen",
        ["quartiere.survey-contact-left.v1"] = "Kontakt aus einer aktivierenden Befragung",
        ["data-protection.retention-swept.v1"] = "Aufbewahrungsfristen geprüft (Bericht eines Bereichs)",
        ["data-protection.start-retention-sweep.v1"] = "Löschlauf starten",
        ["data-protection.erase-data-subject.v1"] = "Daten einer Person löschen (Art. 17)",
        ["data-protection.data-subject-erased.v1"] = "Löschung bestätigt (Bericht eines Bereichs)",
        ["data-protection.erasure-requested.v1"] = "Löschung angefragt",
    };

    public static IReadOnlyCollection<string> WireNames => Kinds.Keys;

    public static bool Contains(string wireName) => Kinds.ContainsKey(wireName);

    /// <summary>The wire name a contract type travels under (its static <c>MessageName</c>).</summary>
    public static string WireNameOf(Type messageType) => IntegrationMessageNaming.WireName(messageType);

    /// <summary>The concrete integration message types of a <c>.Contracts</c> assembly.</summary>
    public static IEnumerable<Type> ContractTypesIn(System.Reflection.Assembly assembly) => IntegrationMessageNaming.ContractTypesIn(assembly);

    /// <summary>The German description; a name without an entry (a test probe, a message of an older Host) is shown as it is.</summary>
    public static MessageDescription Describe(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        var known = Kinds.TryGetValue(wireName, out var kind);
        return new MessageDescription(wireName, kind ?? wireName, ModuleOf(wireName), known);
    }

    /// <summary>The German module name for a wire name's prefix (<c>partners.…</c> → „Netzwerkpartner“).</summary>
    public static string ModuleOf(string wireName)
    {
        ArgumentNullException.ThrowIfNull(wireName);
        var dot = wireName.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot < 0 ? wireName : wireName[..dot];
        return Modules.TryGetValue(prefix, out var module) ? module : prefix;
    }

    /// <summary>The German module name for a module's technical name as it appears in namespaces (<c>CaseManagement</c>).</summary>
    public static string ModuleOfNamespace(string? typeNamespace)
    {
        var segments = (typeNamespace ?? string.Empty).Split('.');
        var name = segments.Length > 1 && segments[0] == "QuartierPflege" ? segments[1] : segments[0];
        return name switch
        {
            "CaseManagement" => Modules["case-management"],
            "Volunteers" => Modules["volunteers"],
            "Compensation" => Modules["compensation"],
            "Partners" => Modules["partners"],
            "Notifications" => Modules["notifications"],
            "Quartiere" => Modules["quartiere"],
            "DataProtection" => Modules["data-protection"],
            _ => name,
        };
    }
}
