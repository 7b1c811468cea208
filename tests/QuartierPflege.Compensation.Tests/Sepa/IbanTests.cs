using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation.Tests.Sepa;

public sealed class IbanTests
{
    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("  DE89 3704\t0044 0532 0130 00 ")]
    public void An_IBAN_is_read_as_typed_with_spaces_and_small_letters(string typed)
    {
        var iban = Iban.Parse(typed);

        Assert.Equal("DE89370400440532013000", iban.Value);
        Assert.Equal("DE", iban.CountryCode);
    }

    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("AT611904300234573201")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("CH9300762011623852957")]
    [InlineData("NO9386011117947")]
    public void IBANs_of_other_SEPA_countries_are_accepted(string value)
        => Assert.True(Iban.TryParse(value, out _, out _));

    [Fact]
    public void It_is_shown_in_groups_of_four()
        => Assert.Equal("DE89 3704 0044 0532 0130 00", Iban.Parse("DE89370400440532013000").Grouped);

    [Fact]
    public void Lists_show_it_masked_with_country_check_digits_and_the_last_four()
        => Assert.Equal("DE89 •••• •••• •••• ••30 00", Iban.Parse("DE89370400440532013000").Masked);

    [Theory]
    [InlineData("DE89370400440532013001", "Prüfziffern")]
    [InlineData("DE88370400440532013000", "Prüfziffern")]
    [InlineData("DE8937040044053201300", "Eine IBAN mit dem Ländercode DE hat 22 Zeichen, eingegeben wurden 21.")]
    [InlineData("DE893704004405320130000", "hat 22 Zeichen, eingegeben wurden 23")]
    [InlineData("US89370400440532013000", "„US“ ist kein Land des SEPA-Zahlungsraums")]
    [InlineData("DE89-3704-0044-0532-0130-00", "nur Buchstaben und Ziffern")]
    [InlineData("8937040044053201300022", "Ländercode und zwei Prüfziffern")]
    [InlineData("", "Bitte geben Sie eine IBAN an.")]
    [InlineData("   ", "Bitte geben Sie eine IBAN an.")]
    [InlineData(null, "Bitte geben Sie eine IBAN an.")]
    public void An_invalid_IBAN_is_refused_with_a_German_reason(string? typed, string reason)
    {
        Assert.False(Iban.TryParse(typed, out var iban, out var error));

        Assert.Null(iban);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(error, Iban.ErrorFor(typed));
        Assert.Equal(error, Assert.Throws<FormatException>(() => Iban.Parse(typed)).Message);
    }

    [Fact]
    public void A_swapped_pair_of_digits_is_caught_by_mod_97()
        => Assert.NotNull(Iban.ErrorFor("DE89370400440532031000"));

    [Fact]
    public void It_travels_in_JSON_as_its_electronic_form()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Iban.Parse("de89 3704 0044 0532 0130 00"));

        Assert.Equal("\"DE89370400440532013000\"", json);
        Assert.Equal(Iban.Parse("DE89370400440532013000"), System.Text.Json.JsonSerializer.Deserialize<Iban>(json));
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Iban>("\"DE00\""));
    }
}
