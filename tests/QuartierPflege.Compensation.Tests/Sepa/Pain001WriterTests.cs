using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation.Tests.Sepa;

public sealed class Pain001WriterTests
{
    private static readonly XNamespace Ns = SepaSchema.Namespace;

    private static readonly SepaDebtor Debtor = new("Quartierpflege Döbeln e.V.", Iban.Parse("DE89370400440532013000"), "COBADEFFXXX");

    private static readonly Instant Created = Instant.FromUtc(2026, 11, 3, 9, 30);

    [Fact]
    public void A_run_becomes_a_file_that_validates_against_the_schema_with_count_and_control_sum()
    {
        var file = Written(
            Transfer("a1", "Erika Müller", "DE02120300000000202051", 80.00m),
            Transfer("a2", "Jürgen Weiß", "DE12500105170648489890", 123.45m),
            Transfer("a3", "Anna Schmidt", "AT611904300234573201", 0.05m));

        Assert.Empty(SepaSchema.Validate(file.Content));
        var document = XDocument.Load(new MemoryStream(file.Content));
        var header = document.Descendants(Ns + "GrpHdr").Single();
        Assert.Equal("3", header.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal("203.50", header.Element(Ns + "CtrlSum")!.Value);
        Assert.Equal("2026-11-03T10:30:00+01:00", header.Element(Ns + "CreDtTm")!.Value);
        var payment = document.Descendants(Ns + "PmtInf").Single();
        Assert.Equal("3", payment.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal("203.50", payment.Element(Ns + "CtrlSum")!.Value);
        Assert.Equal("SEPA", payment.Descendants(Ns + "SvcLvl").Single().Element(Ns + "Cd")!.Value);
        Assert.Equal("DE89370400440532013000", payment.Element(Ns + "DbtrAcct")!.Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("COBADEFFXXX", payment.Descendants(Ns + "BICFI").Single().Value);
        Assert.Equal("Quartierpflege Doebeln e.V.", payment.Element(Ns + "Dbtr")!.Element(Ns + "Nm")!.Value);
        Assert.Equal(["80.00", "123.45", "0.05"], document.Descendants(Ns + "InstdAmt").Select(a => a.Value));
        Assert.All(document.Descendants(Ns + "InstdAmt"), a => Assert.Equal("EUR", a.Attribute("Ccy")!.Value));
        Assert.Equal(["a1", "a2", "a3"], document.Descendants(Ns + "EndToEndId").Select(e => e.Value));
        Assert.Equal(3, file.NumberOfTransactions);
        Assert.Equal(203.50m, file.ControlSum);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void Umlauts_and_sharp_s_are_transliterated_in_names_and_remittance()
    {
        var file = Written(Transfer("a1", "Jürgen Weiß-Öztürk", "DE02120300000000202051", 10m, "Aufwandsentschädigung Oktober 2026"));

        var document = XDocument.Load(new MemoryStream(file.Content));
        Assert.Equal("Juergen Weiss-Oeztuerk", document.Descendants(Ns + "Cdtr").Single().Element(Ns + "Nm")!.Value);
        Assert.Equal("Aufwandsentschaedigung Oktober 2026", document.Descendants(Ns + "Ustrd").Single().Value);
        Assert.Empty(file.Notes);
    }

    [Theory]
    [InlineData("Ärger & Söhne", "Aerger + Soehne", false)]
    [InlineData("José Çelik", "Jose Celik", false)]
    [InlineData("Łukasz Wójcik", "Lukasz Wojcik", false)]
    [InlineData("Anna „Anni“ Groß", "Anna 'Anni' Gross", false)]
    [InlineData("Ольга Schmidt", "..... Schmidt", true)]
    [InlineData("Mia 😊 Lange", "Mia .. Lange", true)]
    public void Every_character_ends_up_in_the_DK_set_and_replacements_are_reported(string name, string expected, bool replaced)
    {
        var text = DkCharacters.Convert(name);

        Assert.Equal(expected, text.Value);
        Assert.Equal(replaced, text.Replaced);
        Assert.True(DkCharacters.IsPermitted(text.Value));
    }

    [Fact]
    public void A_name_with_replaced_characters_is_named_in_the_notes_for_finance()
    {
        var file = Written(Transfer("a1", "Ольга Schmidt", "DE02120300000000202051", 10m));

        var note = Assert.Single(file.Notes);
        Assert.Contains("„Ольга Schmidt“", note, StringComparison.Ordinal);
        Assert.Empty(SepaSchema.Validate(file.Content));
    }

    [Fact]
    public void A_name_without_any_Latin_letter_is_refused_instead_of_sent_as_dots()
    {
        var outcome = Pain001Writer.Write(Request(Transfer("a1", "Ольга", "DE02120300000000202051", 10m)));

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("„Ольга“ enthält keine Buchstaben", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remittance_of_140_characters_is_kept_whole_and_one_of_141_is_refused()
    {
        var exactly = new string('x', 140);
        var file = Written(Transfer("a1", "Erika Müller", "DE02120300000000202051", 10m, exactly));
        Assert.Equal(exactly, XDocument.Load(new MemoryStream(file.Content)).Descendants(Ns + "Ustrd").Single().Value);

        // Transliteration counts: 139 characters and an „ä“ become 141.
        var outcome = Pain001Writer.Write(Request(Transfer("a1", "Erika Müller", "DE02120300000000202051", 10m, new string('x', 139) + "ä")));
        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("höchstens 140 Zeichen, es sind 141", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.005")]
    public void An_amount_a_bank_cannot_transfer_is_refused(string amount)
    {
        var outcome = Pain001Writer.Write(Request(Transfer("a1", "Erika Müller", "DE02120300000000202051", decimal.Parse(amount, CultureInfo.InvariantCulture))));

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("Erika Müller", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndToEndIds_must_be_unique_in_a_file()
    {
        var outcome = Pain001Writer.Write(Request(
            Transfer("same", "Erika Müller", "DE02120300000000202051", 10m),
            Transfer("same", "Anna Schmidt", "DE12500105170648489890", 10m)));

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("mehrfach", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requested_execution_on_Good_Friday_is_moved_past_Easter_Monday()
    {
        // Easter 2026 is on 5 April: Good Friday 3 April, then the weekend and Easter Monday 6 April.
        var file = Written(new DateTime(2026, 4, 3), Transfer("a1", "Erika Müller", "DE02120300000000202051", 10m));

        Assert.Equal(new LocalDate(2026, 4, 7), file.ExecutionDate);
        Assert.Equal("2026-04-07", XDocument.Load(new MemoryStream(file.Content)).Descendants(Ns + "ReqdExctnDt").Single().Element(Ns + "Dt")!.Value);
    }

    [Theory]
    [InlineData(2026, 12, 24, 2026, 12, 24)] // Christmas Eve is open
    [InlineData(2026, 12, 25, 2026, 12, 28)] // 25 and 26 December, then Sunday
    [InlineData(2026, 12, 31, 2026, 12, 31)] // New Year's Eve is open ...
    [InlineData(2027, 1, 1, 2027, 1, 4)] // ... New Year's Day (a Friday) is not
    [InlineData(2028, 1, 1, 2028, 1, 3)] // a Saturday New Year: Monday 3 January
    [InlineData(2027, 3, 26, 2027, 3, 30)] // Good Friday 2027, Easter Monday 29 March
    [InlineData(2026, 5, 1, 2026, 5, 4)] // Labour Day on a Friday
    [InlineData(2026, 10, 3, 2026, 10, 5)] // German Unity Day is a Saturday; TARGET2 knows no German holidays
    [InlineData(2026, 5, 14, 2026, 5, 14)] // Ascension is a TARGET2 business day
    public void Execution_dates_are_TARGET2_business_days(int y, int m, int d, int ey, int em, int ed)
        => Assert.Equal(new LocalDate(ey, em, ed), Target2.OnOrAfter(new LocalDate(y, m, d)));

    [Fact]
    public void The_business_day_after_New_Years_Eve_is_in_the_next_year()
        => Assert.Equal(new LocalDate(2027, 1, 4), Target2.After(new LocalDate(2026, 12, 31)));

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_computed(int year, int month, int day)
        => Assert.Equal(new LocalDate(year, month, day), Target2.EasterSunday(year));

    [Fact]
    public void The_embedded_schema_is_an_unchanged_copy_of_the_shared_reference()
    {
        var original = FindShared("reference/sepa/pain.001.001.09.xsd");
        if (original is null)
        {
            // Outside the workspace (a copy of the repository alone) there is nothing to compare with.
            return;
        }

        Assert.Equal(File.ReadAllText(original), SepaSchema.EmbeddedText());
    }

    [Fact]
    public void A_broken_file_is_reported_by_the_schema_validation()
    {
        var file = Written(Transfer("a1", "Erika Müller", "DE02120300000000202051", 10m));
        var broken = System.Text.Encoding.UTF8.GetString(file.Content).Replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XYZ</PmtMtd>", StringComparison.Ordinal);

        Assert.NotEmpty(SepaSchema.Validate(System.Text.Encoding.UTF8.GetBytes(broken)));
    }

    private static SepaTransfer Transfer(string id, string name, string iban, decimal amount, string remittance = "Aufwandsentschädigung Oktober 2026")
        => new(id, name, Iban.Parse(iban), amount, remittance);

    private static SepaFileRequest Request(params SepaTransfer[] transfers) => Request(new DateTime(2026, 11, 4), transfers);

    private static SepaFileRequest Request(DateTime executeOn, params SepaTransfer[] transfers)
        => new("QP-202610-1", Created, LocalDate.FromDateTime(executeOn), Debtor, transfers);

    private static SepaFile Written(params SepaTransfer[] transfers) => Written(new DateTime(2026, 11, 4), transfers);

    private static SepaFile Written(DateTime executeOn, params SepaTransfer[] transfers)
    {
        var outcome = Pain001Writer.Write(Request(executeOn, transfers));
        Assert.True(outcome.IsDone, outcome.Message);
        return outcome.Value!;
    }

    private static string? FindShared(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
