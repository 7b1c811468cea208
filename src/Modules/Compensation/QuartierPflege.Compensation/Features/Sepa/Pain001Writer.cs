using System.Globalization;
using System.Text;
using System.Xml;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>The account the transfers are paid from.</summary>
internal sealed record SepaDebtor(string Name, Iban Iban, string Bic);

/// <summary>One credit transfer: <paramref name="EndToEndId"/> travels to the payee's bank statement and back to us.</summary>
internal sealed record SepaTransfer(string EndToEndId, string CreditorName, Iban CreditorIban, decimal Amount, string Remittance);

/// <summary>What a SEPA file is made of; <paramref name="RequestedExecutionDate"/> is moved to a TARGET2 business day.</summary>
internal sealed record SepaFileRequest(
    string MessageId,
    Instant CreatedAt,
    LocalDate RequestedExecutionDate,
    SepaDebtor Debtor,
    IReadOnlyList<SepaTransfer> Transfers);

/// <summary>
/// A validated pain.001.001.09 file. <see cref="Notes"/> name every payee whose name had characters outside the DK set
/// replaced, in German, for finance to check before uploading.
/// </summary>
internal sealed record SepaFile(
    string MessageId,
    string FileName,
    byte[] Content,
    int NumberOfTransactions,
    decimal ControlSum,
    LocalDate ExecutionDate,
    IReadOnlyList<string> Notes);

/// <summary>
/// Writes a SEPA credit transfer initiation (pain.001.001.09, one payment information block) with an <see cref="XmlWriter"/>
/// and validates it against the schema. Refuses, in German and naming the payee, what a bank would refuse or what would
/// change silently: a remittance over 140 characters, a name over 70 characters or without any letter in the DK set, an
/// amount that is not positive or has more than two decimals, a duplicate EndToEndId.
/// </summary>
internal static class Pain001Writer
{
    public const int MaxRemittance = 140;

    /// <summary>The EPC implementation guidelines allow 70 characters for names although the schema allows 140.</summary>
    public const int MaxName = 70;

    public const int MaxId = 35;

    private static readonly OffsetDateTimePattern CreationPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static Outcome<SepaFile> Write(SepaFileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var notes = new List<string>();
        CheckId(request.MessageId, "Die Nachrichtenkennung (MsgId)", problems);
        if (request.Transfers.Count == 0)
        {
            problems.Add("Der Lauf enthält keine Überweisung.");
        }

        var debtorName = DkCharacters.Convert(request.Debtor.Name);
        var transfers = new List<(SepaTransfer Transfer, string Name, string Remittance)>(request.Transfers.Count);
        var endToEndIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transfer in request.Transfers)
        {
            var name = DkCharacters.Convert(transfer.CreditorName);
            var remittance = DkCharacters.Convert(transfer.Remittance);
            CheckId(transfer.EndToEndId, $"Die Kennung der Überweisung an {transfer.CreditorName}", problems);
            if (!endToEndIds.Add(transfer.EndToEndId))
            {
                problems.Add($"Die Kennung {transfer.EndToEndId} kommt mehrfach vor.");
            }

            if (!name.Value.Any(char.IsAsciiLetter))
            {
                problems.Add($"Der Name „{transfer.CreditorName}“ enthält keine Buchstaben, die eine Bank annimmt; bitte den Kontoinhaber in lateinischen Buchstaben eintragen.");
            }
            else if (name.Value.Length > MaxName)
            {
                problems.Add($"Der Name „{transfer.CreditorName}“ ist zu lang: höchstens {MaxName} Zeichen, es sind {name.Value.Length}.");
            }
            else if (name.Replaced)
            {
                notes.Add($"Im Namen „{transfer.CreditorName}“ wurden Zeichen ersetzt, die eine Bank nicht annimmt: „{name.Value}“.");
            }

            if (remittance.Value.Length > MaxRemittance)
            {
                problems.Add($"Der Verwendungszweck für {transfer.CreditorName} ist zu lang: höchstens {MaxRemittance} Zeichen, es sind {remittance.Value.Length}.");
            }

            if (transfer.Amount <= 0m || transfer.Amount != decimal.Round(transfer.Amount, 2) || transfer.Amount > 999_999_999.99m)
            {
                problems.Add($"Der Betrag {transfer.Amount.ToString(CultureInfo.GetCultureInfo("de-DE"))} € für {transfer.CreditorName} kann nicht überwiesen werden (positiv, höchstens zwei Nachkommastellen).");
            }

            transfers.Add((transfer, name.Value, remittance.Value));
        }

        if (problems.Count > 0)
        {
            return Outcome<SepaFile>.Conflict("Die SEPA-Datei kann nicht erstellt werden: " + string.Join(" ", problems));
        }

        var executionDate = Target2.OnOrAfter(request.RequestedExecutionDate);
        var controlSum = transfers.Sum(t => t.Transfer.Amount);
        var content = Render(request, debtorName.Value, executionDate, controlSum, transfers);
        var violations = SepaSchema.Validate(content);
        if (violations.Count > 0)
        {
            return Outcome<SepaFile>.Conflict("Die SEPA-Datei entspricht nicht dem Schema pain.001.001.09 und wird nicht angeboten: " + string.Join(" ", violations.Take(5)));
        }

        return Outcome<SepaFile>.Done(new SepaFile(
            request.MessageId,
            $"{request.MessageId}.xml",
            content,
            transfers.Count,
            controlSum,
            executionDate,
            notes));
    }

    private static byte[] Render(
        SepaFileRequest request,
        string debtorName,
        LocalDate executionDate,
        decimal controlSum,
        List<(SepaTransfer Transfer, string Name, string Remittance)> transfers)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            var count = transfers.Count.ToString(CultureInfo.InvariantCulture);
            var sum = Money(controlSum);
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", SepaSchema.Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");

            xml.WriteStartElement("GrpHdr");
            xml.WriteElementString("MsgId", request.MessageId);
            xml.WriteElementString("CreDtTm", CreationPattern.Format(request.CreatedAt.InBerlin().ToOffsetDateTime()));
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", sum);
            xml.WriteStartElement("InitgPty");
            xml.WriteElementString("Nm", debtorName);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("PmtInf");
            xml.WriteElementString("PmtInfId", request.MessageId);
            xml.WriteElementString("PmtMtd", "TRF");
            xml.WriteElementString("NbOfTxs", count);
            xml.WriteElementString("CtrlSum", sum);
            xml.WriteStartElement("PmtTpInf");
            xml.WriteStartElement("SvcLvl");
            xml.WriteElementString("Cd", "SEPA");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("ReqdExctnDt");
            xml.WriteElementString("Dt", LocalDatePattern.Iso.Format(executionDate));
            xml.WriteEndElement();
            xml.WriteStartElement("Dbtr");
            xml.WriteElementString("Nm", debtorName);
            xml.WriteEndElement();
            xml.WriteStartElement("DbtrAcct");
            WriteIban(xml, request.Debtor.Iban);
            xml.WriteEndElement();
            xml.WriteStartElement("DbtrAgt");
            xml.WriteStartElement("FinInstnId");
            xml.WriteElementString("BICFI", request.Debtor.Bic);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("ChrgBr", "SLEV");

            foreach (var (transfer, name, remittance) in transfers)
            {
                xml.WriteStartElement("CdtTrfTxInf");
                xml.WriteStartElement("PmtId");
                xml.WriteElementString("EndToEndId", transfer.EndToEndId);
                xml.WriteEndElement();
                xml.WriteStartElement("Amt");
                xml.WriteStartElement("InstdAmt");
                xml.WriteAttributeString("Ccy", "EUR");
                xml.WriteString(Money(transfer.Amount));
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("Cdtr");
                xml.WriteElementString("Nm", name);
                xml.WriteEndElement();
                xml.WriteStartElement("CdtrAcct");
                WriteIban(xml, transfer.CreditorIban);
                xml.WriteEndElement();
                xml.WriteStartElement("RmtInf");
                xml.WriteElementString("Ustrd", remittance);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteIban(XmlWriter xml, Iban iban)
    {
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", iban.Value);
        xml.WriteEndElement();
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static void CheckId(string id, string what, List<string> problems)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxId || !DkCharacters.IsPermitted(id) || id.StartsWith('/') || id.Contains("//", StringComparison.Ordinal))
        {
            problems.Add($"{what} „{id}“ ist ungültig (1 bis {MaxId} Zeichen des DK-Zeichensatzes, ohne „/“ am Anfang und ohne „//“).");
        }
    }
}
