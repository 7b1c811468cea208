using System.Globalization;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>How a figure is shown: the number, "&lt; 5" (1 to 4 people), or hidden so that a total cannot give a hidden cell away.</summary>
internal enum ShownAs
{
    Number,
    UnderFive,
    Hidden,
}

/// <summary>
/// A figure as it may be shown. <see cref="Value"/> is null whenever the figure is not shown: the page, the API and the
/// CSV are all built from these, so a suppressed number never leaves the server.
/// </summary>
internal sealed record Figure(decimal? Value, string Text, ShownAs As)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string UnderFiveText = "< 5";
    public const string HiddenText = "verborgen";

    public static Figure Of(decimal value) => new(value, value.ToString("#,0.#", German), ShownAs.Number);

    public static Figure Shown(decimal value, ShownAs shownAs) => shownAs switch
    {
        ShownAs.Number => Of(value),
        ShownAs.UnderFive => new(null, UnderFiveText, shownAs),
        _ => new(null, HiddenText, shownAs),
    };
}

/// <summary>
/// A table of people counts (rows × columns) with its row totals, column totals and grand total, and how each may be
/// shown. Index <c>Rows</c> / <c>Columns</c> is the total of that line.
/// </summary>
internal sealed class SuppressedTable(int[,] values, ShownAs[,] shown)
{
    public int RowCount => values.GetLength(0) - 1;

    public int ColumnCount => values.GetLength(1) - 1;

    /// <summary>Whether the cell may be shown (row or column may be the total's index).</summary>
    public ShownAs ShownAs(int row, int column) => shown[row, column];

    public int ValueOf(int row, int column) => values[row, column];

    public Figure Figure(int row, int column) => global::QuartierPflege.Quartiere.Features.Lagebild.Figure.Shown(values[row, column], shown[row, column]);

    /// <summary>Another figure of the same cells (e.g. hours of the counted people) under the same mask.</summary>
    public Figure Masked(int row, int column, decimal value) => global::QuartierPflege.Quartiere.Features.Lagebild.Figure.Shown(value, shown[row, column]);
}

/// <summary>
/// Statistical disclosure control for the Lagebild: no figure of 1 to 4 people is shown (primary suppression, "&lt; 5");
/// a zero is shown (it shows nobody). Totals are exact sums, so wherever a line (a row or column with its total) would
/// have exactly one hidden entry, it could be recovered by subtraction: then a second entry of that line is hidden too
/// (secondary suppression, "verborgen": the line's total if it is still shown, else its smallest shown non-zero cell,
/// else its smallest cell), repeated until every line has none or at least two hidden entries. Totals go first so the
/// cells of the Quartiere, which coordination acts on, stay visible.
/// </summary>
internal static class Suppression
{
    public const int Threshold = 5;

    public static SuppressedTable Apply(int[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = cells[r, c];
                values[r, columns] += cells[r, c];
                values[rows, c] += cells[r, c];
                values[rows, columns] += cells[r, c];
            }
        }

        var shown = new ShownAs[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                shown[r, c] = values[r, c] is > 0 and < Threshold ? ShownAs.UnderFive : ShownAs.Number;
            }
        }

        // A line: its members and, last, its total.
        var lines = new List<(int Row, int Column)[]>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add([.. Enumerable.Range(0, columns + 1).Select(c => (r, c))]);
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add([.. Enumerable.Range(0, rows + 1).Select(r => (r, c))]);
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => shown[p.Row, p.Column] != ShownAs.Number) != 1)
                {
                    continue;
                }

                // The total first: the cells are what coordination acts on; else the smallest shown non-zero cell.
                var total = line[^1];
                var members = line[..^1].Where(p => shown[p.Row, p.Column] == ShownAs.Number).OrderBy(p => values[p.Row, p.Column] == 0).ThenBy(p => values[p.Row, p.Column]).ToList();
                var (row, column) = shown[total.Row, total.Column] == ShownAs.Number ? total : members[0];
                shown[row, column] = ShownAs.Hidden;
                changed = true;
            }
        }

        return new SuppressedTable(values, shown);
    }
}
