using MimeKit;

namespace QuartierPflege.Testing;

/// <summary>
/// A mail as it arrived (at the SMTP test server, or as an <c>.eml</c> file of the development transport), read with
/// MimeKit: headers decoded, text and HTML bodies decoded from their transfer encoding in their charset.
/// </summary>
public sealed class ReceivedMail
{
    private readonly List<KeyValuePair<string, string>> _headers;

    private ReceivedMail(MimeMessage message, string path)
    {
        Path = path;
        Subject = message.Subject ?? string.Empty;
        From = [.. message.From.Mailboxes];
        To = [.. message.To.Mailboxes];
        MessageId = message.MessageId;
        TextBody = message.TextBody ?? string.Empty;
        HtmlBody = message.HtmlBody ?? string.Empty;
        Parts = [.. message.BodyParts.OfType<TextPart>().Select(p => new ReceivedPart(p.ContentType.MimeType, p.ContentType.Charset, p.ContentTransferEncoding))];
        _headers = [.. message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value))];
    }

    /// <summary>The file the mail was read from.</summary>
    public string Path { get; }

    public string Subject { get; }

    public IReadOnlyList<MailboxAddress> From { get; }

    public IReadOnlyList<MailboxAddress> To { get; }

    /// <summary>Without the angle brackets, as MimeKit gives it.</summary>
    public string? MessageId { get; }

    /// <summary>The envelope recipients (RCPT TO), which aiosmtpd records as <c>X-RcptTo</c>; empty for <c>.eml</c> files.</summary>
    public IReadOnlyList<string> EnvelopeRecipients
        => Header("X-RcptTo")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public string TextBody { get; }

    public string HtmlBody { get; }

    /// <summary>The text parts (plain and HTML) with their media type, charset and transfer encoding.</summary>
    public IReadOnlyList<ReceivedPart> Parts { get; }

    public static ReceivedMail Load(string path)
    {
        using var message = MimeMessage.Load(path);
        return new ReceivedMail(message, path);
    }

    /// <summary>The <c>.eml</c> files in a folder (the development transport's), by name.</summary>
    public static IReadOnlyList<ReceivedMail> FromPickupDirectory(string directory)
        => Directory.Exists(directory)
            ? [.. new DirectoryInfo(directory).EnumerateFiles("*.eml").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => Load(f.FullName))]
            : [];

    /// <summary>The first header of that name, decoded (null if absent).</summary>
    public string? Header(string name)
    {
        var header = _headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        return header.Key is null ? null : header.Value;
    }

    public override string ToString() => $"To: {string.Join(", ", To)}; Subject: {Subject}";
}

/// <summary>One text part of a received mail.</summary>
public sealed record ReceivedPart(string MediaType, string? Charset, ContentEncoding TransferEncoding);
