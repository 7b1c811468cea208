using System.Xml;
using System.Xml.Schema;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>
/// The ISO 20022 schema pain.001.001.09, embedded as a copy of <c>shared/reference/sepa/pain.001.001.09.xsd</c> (a test
/// keeps the copy equal to the original). Every SEPA file is validated against it before anyone can download it.
/// </summary>
internal static class SepaSchema
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public const string ResourceName = "Sepa/pain.001.001.09.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>The text of the embedded copy.</summary>
    public static string EmbeddedText()
    {
        using var stream = OpenResource();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The schema violations of a file (line and German-prefixed message), empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"Zeile {e.Exception.LineNumber}: {e.Message}");
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            errors.Add($"Zeile {e.LineNumber}: {e.Message}");
        }

        return errors;
    }

    private static XmlSchemaSet Load()
    {
        using var stream = OpenResource();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    }

    private static Stream OpenResource()
        => typeof(SepaSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded schema {ResourceName} is missing from the Compensation assembly.");
}
