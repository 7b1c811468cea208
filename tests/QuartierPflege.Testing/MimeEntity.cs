using System.Text;
using System.Text.RegularExpressions;

namespace QuartierPflege.Testing;

/// <summary>
/// Just enough MIME (RFC 2045–2047) to read back what System.Net.Mail writes: headers, multipart bodies, base64 and
/// quoted-printable, encoded-words in headers. Not a general mail parser.
/// </summary>
internal sealed partial class MimeEntity
{
    private readonly List<KeyValuePair<string, string>> _headers;
    private readonly string _body;
    private readonly List<MimeEntity> _parts = [];

    private MimeEntity(List<KeyValuePair<string, string>> headers, string body)
    {
        _headers = headers;
        _body = body;
        var contentType = Header("Content-Type") ?? "text/plain";
        MediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (MediaType.StartsWith("multipart/", StringComparison.Ordinal) && Parameter(contentType, "boundary") is { } boundary)
        {
            _parts.AddRange(SplitParts(body, boundary).Select(Parse));
        }
    }

    public string MediaType { get; }

    /// <summary>Parses an entity whose lines end in <c>\n</c>.</summary>
    public static MimeEntity Parse(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? string.Empty : text[(end + 2)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                // A folded header continues on this line.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new MimeEntity(headers, body);
    }

    public string? Header(string name)
    {
        var raw = _headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return raw is null ? null : DecodeEncodedWords(raw);
    }

    /// <summary>This entity if it has no parts, else the leaves of its parts, depth first.</summary>
    public IEnumerable<MimeEntity> Leaves() => _parts.Count == 0 ? [this] : _parts.SelectMany(p => p.Leaves());

    public string DecodedBody()
    {
        var charset = Parameter(Header("Content-Type") ?? string.Empty, "charset");
        var encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        byte[]? bytes = (Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(WhiteSpace().Replace(_body, string.Empty)),
            // A "=" at the end of a line is a soft break: the line goes on.
            "quoted-printable" => DecodeQuotedPrintable(_body.Replace("=\n", string.Empty, StringComparison.Ordinal), underscoreIsSpace: false),
            _ => null,
        };
        return bytes is null ? _body : encoding.GetString(bytes).ReplaceLineEndings("\n");
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        StringBuilder? current = null;
        foreach (var line in body.Split('\n'))
        {
            if (line.TrimEnd() == delimiter + "--")
            {
                break;
            }

            if (line.TrimEnd() == delimiter)
            {
                if (current is not null)
                {
                    parts.Add(current.ToString());
                }

                current = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is not null)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static string? Parameter(string headerValue, string name)
    {
        var match = Regex.Match(headerValue, $@";\s*{Regex.Escape(name)}\s*=\s*(?:""([^""]*)""|([^;\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : null;
    }

    /// <summary>
    /// Decodes RFC 2047 encoded-words. Adjacent encoded-words are one text (the blanks between them are not), and their
    /// bytes are joined before decoding, so a character split over two words survives.
    /// </summary>
    private static string DecodeEncodedWords(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        Encoding? pendingEncoding = null;
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pendingEncoding is null || between.Trim().Length > 0)
            {
                Flush();
                result.Append(between);
            }

            var encoding = Encoding.GetEncoding(word.Groups["charset"].Value);
            if (pendingEncoding is not null && pendingEncoding.WebName != encoding.WebName)
            {
                Flush();
            }

            pendingEncoding = encoding;
            var text = word.Groups["text"].Value;
            pending.AddRange(word.Groups["encoding"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text, underscoreIsSpace: true));
            position = word.Index + word.Length;
        }

        Flush();
        result.Append(value[position..]);
        return result.ToString();

        void Flush()
        {
            if (pendingEncoding is not null)
            {
                result.Append(pendingEncoding.GetString([.. pending]));
            }

            pending.Clear();
            pendingEncoding = null;
        }
    }

    private static byte[] DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '_' && underscoreIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(?:\*[^?]*)?\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
