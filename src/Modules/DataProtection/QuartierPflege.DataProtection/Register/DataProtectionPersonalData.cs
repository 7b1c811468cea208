using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;

namespace QuartierPflege.DataProtection.Register;

/// <summary>What the data-protection module itself keeps about people: the copies it made, its audit, erasure requests.</summary>
internal sealed class DataProtectionPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Datenschutz";
    public const string AccessCopyKind = "data-protection.access-copy";
    public const string AuditKind = "data-protection.audit-entry";
    public const string ErasureRequestKind = "data-protection.erasure-request";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(AccessCopyKind, "Auskunftskopie (Art. 15)",
            "Bewohnerinnen und Bewohner, Ehrenamtliche",
            "alles, was das Programm über die Person speichert (als ZIP), Name der anfragenden Person",
            "Die betroffene Person erhält die Kopie ihrer Daten, die die Koordination für sie erstellt hat.",
            "Art. 15 Abs. 3 DSGVO; Art. 6 Abs. 1 lit. c DSGVO",
            "die betroffene Person (über die Koordination)",
            new RetentionRule("nach Erstellung der Kopie", RetentionDuration.OfDays(7), RetentionDuration.OfDays(1), RetentionDuration.OfDays(30),
                RetentionAction.Delete, "Art. 5 Abs. 1 lit. e DSGVO (Speicherbegrenzung)"),
            [typeof(AccessCopy), typeof(AccessCopyFile)]),
        new(AuditKind, "Protokoll des Datenschutzes",
            "Mitarbeitende der Koordination; die Personen, deren Daten betroffen sind",
            "wer wann eine Frist geändert, eine Auskunft erstellt oder heruntergeladen, eine Löschung begonnen hat",
            "Nachweis, dass die Rechte der Betroffenen gewahrt und die Fristen eingehalten wurden (Rechenschaftspflicht).",
            "Art. 5 Abs. 2, Art. 6 Abs. 1 lit. c DSGVO",
            "Koordination; auf Anfrage die Aufsichtsbehörde",
            new RetentionRule("nach dem Eintrag", RetentionDuration.OfYears(2), RetentionDuration.OfYears(1), RetentionDuration.OfYears(3),
                RetentionAction.Delete, null),
            [typeof(DataProtectionAuditEntry)]),
        new(ErasureRequestKind, "Löschauftrag (Art. 17)",
            "Bewohnerinnen und Bewohner, Ehrenamtliche",
            "Name der Person, Grund, wer die Löschung begonnen hat, Bestätigungen der Bereiche",
            "Nachweis, dass und wie eine Löschung ausgeführt wurde.",
            "Art. 5 Abs. 2, Art. 17 DSGVO; Art. 6 Abs. 1 lit. c DSGVO",
            "Koordination; auf Anfrage die Aufsichtsbehörde",
            new RetentionRule("nach dem Auftrag", RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), RetentionDuration.OfYears(4),
                RetentionAction.Delete, "§ 195 BGB (regelmäßige Verjährung)"),
            [typeof(ErasureRequest)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(RetentionSettingDocument), "Eingestellte Fristen je Datenart; der Name der ändernden Person steht im Protokoll."),
        new(typeof(SweepRun), "Zahlen je Datenart und Bereich, keine Angaben zu Personen."),
    ];
}
