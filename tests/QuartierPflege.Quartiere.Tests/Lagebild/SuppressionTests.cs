using QuartierPflege.Quartiere.Features.Lagebild;

namespace QuartierPflege.Quartiere.Tests.Lagebild;

public sealed class SuppressionTests
{
    [Fact]
    public void A_cell_of_one_to_four_people_shows_under_five_and_zero_and_five_show_their_number()
    {
        var table = Suppression.Apply(new[,] { { 0, 5, 3, 3 } });

        Assert.Equal("0", table.Figure(0, 0).Text);
        Assert.Equal("5", table.Figure(0, 1).Text);
        Assert.Equal("< 5", table.Figure(0, 2).Text);
        Assert.Null(table.Figure(0, 2).Value);
        Assert.Equal("11", table.Figure(0, 4).Text);
    }

    [Fact]
    public void A_single_hidden_cell_in_a_line_hides_the_total_too_so_it_cannot_be_recovered_by_subtraction()
    {
        // Row: 2 (hidden), 7, 9 with total 18: shown, 18 − 7 − 9 would give the 2 away.
        var table = Suppression.Apply(new[,] { { 2, 7, 9 } });

        Assert.Equal(ShownAs.UnderFive, table.ShownAs(0, 0));
        Assert.Equal("7", table.Figure(0, 1).Text);
        Assert.Equal("9", table.Figure(0, 2).Text);
        Assert.Equal("verborgen", table.Figure(0, 3).Text);
        Assert.Null(table.Figure(0, 3).Value);
    }

    [Fact]
    public void When_the_total_is_hidden_already_a_second_cell_is_hidden()
    {
        // Column 0 is 3 + 0 = 3: its total hidden as "< 5"; row 1 is 0, 6 with total 6 and row 0 is 3 (hidden), 8, total 11.
        var table = Suppression.Apply(new[,] { { 3, 8 }, { 0, 6 } });

        Assert.Equal(ShownAs.UnderFive, table.ShownAs(0, 0));
        Assert.Equal(ShownAs.UnderFive, table.ShownAs(2, 0));
        Assert.Equal(ShownAs.Hidden, table.ShownAs(0, 2));
        Assert.Equal("6", table.Figure(1, 1).Text);
    }

    [Fact]
    public void No_line_of_rows_columns_and_totals_is_left_with_exactly_one_hidden_entry()
    {
        var random = new Random(13);
        for (var run = 0; run < 200; run++)
        {
            var cells = new int[4, 6];
            for (var r = 0; r < 4; r++)
            {
                for (var c = 0; c < 6; c++)
                {
                    cells[r, c] = random.Next(4) == 0 ? 0 : random.Next(1, 12);
                }
            }

            var table = Suppression.Apply(cells);
            for (var r = 0; r <= 4; r++)
            {
                Assert.NotEqual(1, Enumerable.Range(0, 7).Count(c => table.ShownAs(r, c) != ShownAs.Number));
            }

            for (var c = 0; c <= 6; c++)
            {
                Assert.NotEqual(1, Enumerable.Range(0, 5).Count(r => table.ShownAs(r, c) != ShownAs.Number));
            }

            for (var r = 0; r <= 4; r++)
            {
                for (var c = 0; c <= 6; c++)
                {
                    var value = table.ValueOf(r, c);
                    Assert.True(table.ShownAs(r, c) != ShownAs.Number || value == 0 || value >= 5, $"{value} shown at {r},{c}");
                }
            }
        }
    }
}
