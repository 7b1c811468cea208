using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.DataProtection.AccessCopies;

/// <summary>Who asked for a copy, for whom, when (the JSON's metadata and the HTML's heading).</summary>
internal sealed record AccessCopyHeader(DataSubject Subject, string RequestedBy, Instant CreatedAt, Instant ExpiresAt);

/// <summary>
/// The Art. 15 copy as a ZIP: <c>auskunft.html</c> (readable German, one section per module, printable) and
/// <c>auskunft.json</c> (the same content, machine-readable). Everything from the modules is HTML-escaped.
/// </summary>
internal static class AccessCopyZip
{
    public const string HtmlName = "auskunft.html";
    public const string JsonName = "auskunft.json";

    // Keeps umlauts readable in the HTML source (the default encoder would write &#xFC; for ü).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Build(AccessCopyHeader header, IReadOnlyList<PersonalDataSection> sections, IReadOnlyDictionary<string, string> kindNames)
    {
        ArgumentNullException.ThrowIfNull(header);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, HtmlName, RenderHtml(header, sections, kindNames));
            Write(zip, JsonName, RenderJson(header, sections, kindNames));
        }

        return buffer.ToArray();
    }

    public static string RenderHtml(AccessCopyHeader header, IReadOnlyList<PersonalDataSection> sections, IReadOnlyDictionary<string, string> kindNames)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sections);
        var html = new StringBuilder();
        var name = E(header.Subject.DisplayName);
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Auskunft über gespeicherte Daten: ").Append(name).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.4}")
            .Append("dl{display:grid;grid-template-columns:minmax(8rem,1fr) 3fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}")
            .Append("section{break-inside:avoid-page}@media print{a{color:inherit}}</style>\n</head>\n<body>\n")
            .Append("<h1>Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)</h1>\n")
            .Append("<p>Für: <strong>").Append(name).Append("</strong> (").Append(E(KindName(header.Subject.Kind))).Append(")<br>\n")
            .Append("Erstellt am ").Append(E(GermanDates.Show(header.CreatedAt))).Append(" von ").Append(E(header.RequestedBy)).Append("</p>\n")
            .Append("<p>Diese Auskunft enthält alles, was das Programm QuartierPflege über Sie gespeichert hat, nach Bereichen geordnet. ")
            .Append("Zweck, Rechtsgrundlage, Empfänger und Speicherdauer jeder Datenart stehen im Verzeichnis der Verarbeitungstätigkeiten, ")
            .Append("das wir Ihnen auf Wunsch gern erläutern.</p>\n");
        foreach (var section in sections)
        {
            html.Append("<section>\n<h2>").Append(E(section.Module)).Append("</h2>\n");
            if (section.Records.Count == 0)
            {
                html.Append("<p>Keine Daten gespeichert.</p>\n");
            }

            foreach (var record in section.Records)
            {
                html.Append("<h3>").Append(E(record.Title)).Append("</h3>\n<p><small>")
                    .Append(E(kindNames.GetValueOrDefault(record.KindKey, record.KindKey))).Append("</small></p>\n<dl>\n");
                foreach (var field in record.Fields)
                {
                    html.Append("<dt>").Append(E(field.Label)).Append("</dt><dd>").Append(E(field.Value ?? "–")).Append("</dd>\n");
                }

                html.Append("</dl>\n");
            }

            html.Append("</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    public static string RenderJson(AccessCopyHeader header, IReadOnlyList<PersonalDataSection> sections, IReadOnlyDictionary<string, string> kindNames)
    {
        ArgumentNullException.ThrowIfNull(header);
        var document = new
        {
            art = "Auskunft nach Art. 15 DSGVO",
            betroffenePerson = new { art = KindName(header.Subject.Kind), id = header.Subject.Id, name = header.Subject.DisplayName },
            erstelltAm = InstantPattern.ExtendedIso.Format(header.CreatedAt),
            erstelltVon = header.RequestedBy,
            abrufbarBis = InstantPattern.ExtendedIso.Format(header.ExpiresAt),
            bereiche = sections.Select(s => new
            {
                bereich = s.Module,
                eintraege = s.Records.Select(r => new
                {
                    datenart = r.KindKey,
                    datenartName = kindNames.GetValueOrDefault(r.KindKey, r.KindKey),
                    titel = r.Title,
                    felder = r.Fields.Select(f => new { bezeichnung = f.Label, wert = f.Value }),
                }),
            }),
        };
        return JsonSerializer.Serialize(document, Json);
    }

    public static string KindName(DataSubjectKind kind) => kind == DataSubjectKind.Resident ? "Bewohnerin oder Bewohner" : "Ehrenamtliche Person";

    private static string E(string text) => Html.Encode(text);

    private static void Write(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        stream.Write(bytes);
    }
}
