namespace QuartierPflege.Testing;

/// <summary>
/// A mail as it arrived (at the SMTP test server, or as an <c>.eml</c> file of the development transport), decoded so
/// that tests can compare German text: headers unfolded with their encoded-words decoded, bodies decoded from base64 or
/// quoted-printable in their charset.
/// </summary>
public sealed class ReceivedMail
{
    private readonly MimeEntity _entity;

    private ReceivedMail(string raw)
    {
        Raw = raw;
        _entity = MimeEntity.Parse(raw.ReplaceLineEndings("\n"));
        var leaves = _entity.Leaves().ToList();
        TextBody = leaves.FirstOrDefault(l => l.MediaType == "text/plain")?.DecodedBody() ?? string.Empty;
        HtmlBody = leaves.FirstOrDefault(l => l.MediaType == "text/html")?.DecodedBody() ?? string.Empty;
    }

    /// <summary>The message as stored, undecoded.</summary>
    public string Raw { get; }

    public string Subject => Header("Subject") ?? string.Empty;

    public string From => Header("From") ?? string.Empty;

    public string To => Header("To") ?? string.Empty;

    public string? MessageId => Header("Message-ID");

    /// <summary>The envelope recipients (RCPT TO), which aiosmtpd records as <c>X-RcptTo</c>; empty for <c>.eml</c> files.</summary>
    public IReadOnlyList<string> EnvelopeRecipients
        => Header("X-RcptTo")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public string TextBody { get; }

    public string HtmlBody { get; }

    public static ReceivedMail Parse(string raw) => new(raw);

    public static ReceivedMail Load(string path) => new(File.ReadAllText(path));

    /// <summary>The <c>.eml</c> files in a folder (the development transport's), oldest first.</summary>
    public static IReadOnlyList<ReceivedMail> FromPickupDirectory(string directory)
        => Directory.Exists(directory)
            ? [.. new DirectoryInfo(directory).EnumerateFiles("*.eml").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => Load(f.FullName))]
            : [];

    /// <summary>The first header of that name, decoded (null if absent).</summary>
    public string? Header(string name) => _entity.Header(name);

    public override string ToString() => $"To: {To}; Subject: {Subject}";
}
