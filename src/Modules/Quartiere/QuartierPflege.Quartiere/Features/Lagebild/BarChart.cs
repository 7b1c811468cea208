using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>
/// A horizontal bar chart as inline SVG, rendered on the server (no script). It scales with the page width; each bar
/// has its label above it, so long German names fit on a phone. The chart is an image with a title and a description;
/// the page shows a table with the same figures next to it. A figure that is not shown gets no bar, only its text.
/// </summary>
internal static class BarChart
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private const int Width = 320;
    private const int RowHeight = 34;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<(string Label, Figure Figure)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1m, bars.Select(b => b.Figure.Value ?? 0).DefaultIfEmpty(0).Max());
        var height = Math.Max(RowHeight, bars.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encoder.Encode(title)}</title><desc id=\"{id}-desc\">{Encoder.Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, figure) = bars[i];
            var y = i * RowHeight;
            var length = figure.Value is { } v ? (int)Math.Round(v / max * (Width - 60)) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 12}\" font-size=\"11\" fill=\"currentColor\">{Encoder.Encode(label)}</text>");
            if (length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 16}\" width=\"{length}\" height=\"12\" fill=\"#2f6f8f\"><title>{Encoder.Encode(label)}: {Encoder.Encode(figure.Text)}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 4}\" y=\"{y + 27}\" font-size=\"11\" fill=\"currentColor\">{Encoder.Encode(figure.Text)}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
