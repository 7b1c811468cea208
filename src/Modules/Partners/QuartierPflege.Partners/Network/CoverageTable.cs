using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Partners.Network;

/// <summary>
/// The matrix as the page's HTML table. Written by hand rather than in Razor because it is the one big thing on the
/// page (200 Quartiere × 60 categories are 12,000 cells) and the benchmark measures exactly what the page renders.
/// Every cell shows its number; weak ones also a word, so the colour (a CSS class) only supports the meaning.
/// </summary>
internal static class CoverageTable
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(CoverageMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var html = new StringBuilder(256 + (matrix.ServiceCategories.Count * matrix.Quartiere.Count * 80));
        html.Append("<table id=\"abdeckung\"><caption class=\"visually-hidden\">Abdeckung: Leistungsarten (Zeilen) und Quartiere (Spalten)</caption>");
        html.Append("<thead><tr><th scope=\"col\">Leistungsart</th>");
        foreach (var quartier in matrix.Quartiere)
        {
            html.Append("<th scope=\"col\">").Append(Encoder.Encode(quartier)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var category in matrix.ServiceCategories)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encoder.Encode(ServiceCategories.NameOf(category))).Append("</th>");
            foreach (var quartier in matrix.Quartiere)
            {
                var count = matrix.CountOf(category, quartier);
                switch (Coverage.StateOf(count))
                {
                    case CellState.Gap:
                        html.Append("<td class=\"coverage-gap\"><strong>0</strong><br /><span>Lücke</span></td>");
                        break;
                    case CellState.SinglePoint:
                        html.Append("<td class=\"coverage-singlepoint\"><strong>1</strong><br /><span>nur einer</span></td>");
                        break;
                    default:
                        html.Append("<td class=\"coverage-covered\">").Append(count).Append("</td>");
                        break;
                }
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
