using System.Text;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.BuildingBlocks.Tests.Web;

public sealed class CsvFileTests
{
    [Fact]
    public void A_file_starts_with_the_UTF8_byte_order_mark_and_uses_semicolons_and_CRLF()
    {
        var bytes = CsvFile.Write(["Name", "Quartier"], [["Jürgen Groß", "Döbeln-Ost"]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Name;Quartier\r\nJürgen Groß;Döbeln-Ost\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Fields_with_separators_quotes_or_line_breaks_are_quoted_and_formulas_are_defused()
    {
        var text = Encoding.UTF8.GetString(CsvFile.Write(["a"], [["x;y"], ["sagt \"hallo\""], ["zwei\nZeilen"], ["=SUMME(A1)"], [null]])[3..]);

        Assert.Equal("a\r\n\"x;y\"\r\n\"sagt \"\"hallo\"\"\"\r\n\"zwei\nZeilen\"\r\n'=SUMME(A1)\r\n\r\n", text);
    }
}
