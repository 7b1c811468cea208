using System.Text;
using Microsoft.AspNetCore.Http;

namespace QuartierPflege.BuildingBlocks.Web;

/// <summary>
/// CSV as German Excel opens it by double-click: semicolons, UTF-8 with a byte order mark (else umlauts break), CRLF,
/// fields quoted when they contain a separator, quote or line break. A field starting with = + - @ is prefixed with an
/// apostrophe so that a spreadsheet never runs it as a formula.
/// </summary>
public static class CsvFile
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        var bom = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. bom, .. body];
    }

    public static IResult Result(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
        => Results.File(Write(header, rows), "text/csv; charset=utf-8", fileName);

    private static void Line(StringBuilder text, IReadOnlyList<string?> fields)
    {
        text.AppendJoin(';', fields.Select(Field));
        text.Append("\r\n");
    }

    private static string Field(string? value)
    {
        var field = value ?? string.Empty;
        if (field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
