using QuartierPflege.CaseManagement.Features.Residents.Concerns;

namespace QuartierPflege.CaseManagement.Tests.Domain;

public sealed class ConcernPrefillTests
{
    [Fact]
    public void A_name_with_salutation_and_a_full_address_fill_their_fields()
        => Assert.Equal(new ConcernPrefill("Erika", "Müller", "Bahnhofstraße", "12a", "04720", "Döbeln"),
            ConcernPrefills.From("Frau Erika Müller", "Bahnhofstraße 12a, 04720 Döbeln"));

    [Fact]
    public void An_address_that_fits_no_pattern_is_kept_whole_in_the_street()
        => Assert.Equal(new ConcernPrefill(null, "Schulze", "hinter dem Konsum, 2. Haus", null, null, null),
            ConcernPrefills.From("Herr Schulze", "hinter dem Konsum, 2. Haus"));

    [Fact]
    public void Nothing_known_fills_nothing()
        => Assert.Equal(new ConcernPrefill(null, null, null, null, null, null), ConcernPrefills.From(null, " "));
}
