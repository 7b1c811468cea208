using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>What Compensation keeps about the volunteers it pays (Art. 30 DSGVO).</summary>
internal sealed class CompensationPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Vergütung";

    public const string PayeeKind = "compensation.payee";
    public const string AccrualKind = "compensation.accrual";
    public const string PayoutKind = "compensation.payout";
    public const string SepaKind = "compensation.sepa-export";
    public const string ReadAudit = "compensation.read-audit";

    private const string Volunteers = "Ehrenamtliche, die eine Aufwandsentschädigung erhalten";
    private const string Payment = "Art. 6 Abs. 1 lit. b DSGVO (Aufwandsentschädigung), lit. c (§ 3 Nr. 26, 26a EStG; § 147 AO)";
    private const string Ao147 = "§ 147 Abs. 1 Nr. 4, Abs. 3 AO (Buchungsbelege 8 Jahre)";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(PayeeKind, "Zahlungsempfänger mit Bankverbindung", Volunteers,
            "Name, E-Mail, Quartier, IBAN, Kontoinhaber, Erklärung zu anderweitig genutzten Freibeträgen, Änderungsverlauf, Vergütungsmodell je Rolle und Einsatz",
            "Auszahlung der Aufwandsentschädigung und Einhaltung der steuerfreien Freibeträge", Payment,
            "Finanzen; die Bank des Programms (Name, IBAN, Betrag in der SEPA-Datei)",
            new RetentionRule("nach Ende des Kalenderjahres der letzten Auszahlung", RetentionDuration.OfYears(8), RetentionDuration.OfYears(8), null,
                RetentionAction.Delete, Ao147),
            [typeof(Payee), typeof(EnrolmentModel), typeof(AssignmentModel)]),
        new(AccrualKind, "Abrechnungsgrundlage (bestätigter Einsatz)", Volunteers, "Datum, Dauer, Kilometer, Rolle, Einsatz",
            "Berechnung der Auszahlung; Grundaufzeichnung zum Beleg", Payment, "Finanzen",
            new RetentionRule("nach Ende des Kalenderjahres des Einsatzes", RetentionDuration.OfYears(8), RetentionDuration.OfYears(8), null,
                RetentionAction.Delete, Ao147),
            [typeof(Accrual)]),
        new(PayoutKind, "Auszahlung und Beleg", Volunteers,
            "Name, Quartier, Zeilen (Modell, Menge, Satz, Betrag), Anrechnung auf Freibeträge, Einbehalt, Markierungen; der Lauf mit seinem Verlauf",
            "Auszahlung, Jahresübersicht für die Steuer, Budgetbericht", Payment, "Finanzen; Koordination (Summen im Budgetbericht)",
            new RetentionRule("nach Ende des Kalenderjahres der Zahlung", RetentionDuration.OfYears(8), RetentionDuration.OfYears(8), null,
                RetentionAction.Delete, Ao147),
            [typeof(Payout), typeof(PayoutRun)]),
        new(SepaKind, "SEPA-Datei eines Laufs", Volunteers, "Name des Kontoinhabers, IBAN, Betrag, Verwendungszweck",
            "Überweisung und Beleg der Zahlung", Payment, "die Bank des Programms",
            new RetentionRule("nach Ende des Kalenderjahres der Zahlung", RetentionDuration.OfYears(8), RetentionDuration.OfYears(8), null,
                RetentionAction.Delete, Ao147),
            [typeof(SepaExportDocument)]),
        new(ReadAudit, "Protokoll der Zugriffe auf Bankverbindungen", Volunteers + "; Mitarbeitende, die lesen",
            "wer wann welche Bankverbindung gelesen hat", "Nachweis und Kontrolle der Zugriffe auf Bankdaten", "Art. 5 Abs. 2, Art. 32 DSGVO",
            "Koordination",
            new RetentionRule("nach dem Zugriff", RetentionDuration.OfYears(2), RetentionDuration.OfYears(1), null, RetentionAction.Delete, null),
            [typeof(PayeeReadAudit)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(CompensationModel), "Vergütungsmodell mit Sätzen"),
        new(typeof(CapYear), "Freibeträge eines Jahres"),
    ];
}
