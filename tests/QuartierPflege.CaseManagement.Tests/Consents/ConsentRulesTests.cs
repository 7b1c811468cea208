using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Tests.Consents;

/// <summary>Which consent covers which request: the rule itself, without a database.</summary>
public sealed class ConsentRulesTests
{
    private static readonly Guid CareService = Guid.NewGuid();
    private static readonly Guid OtherCareService = Guid.NewGuid();

    [Fact]
    public void A_consent_for_the_partner_covers_sharing_with_that_partner()
        => Assert.Null(ConsentRules.Missing([ForPartner(CareService)], ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));

    [Fact]
    public void A_consent_for_the_service_category_covers_every_partner_of_that_category()
        => Assert.Null(ConsentRules.Missing([ForCategory(ServiceCategories.Pflegedienst)], ConsentPurpose.ShareWithPartners, OtherCareService, ServiceCategories.Pflegedienst));

    [Fact]
    public void A_consent_for_another_partner_does_not_cover_and_the_message_names_the_consent()
    {
        var missing = ConsentRules.Missing([ForPartner(OtherCareService)], ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst);

        Assert.Equal("Es fehlt die Einwilligung „Weitergabe an Netzwerkpartner“ (für Pflegedienst oder diesen Partner).", missing);
    }

    [Fact]
    public void A_consent_for_another_category_does_not_cover_a_partner()
        => Assert.NotNull(ConsentRules.Missing([ForCategory(ServiceCategories.Haushaltshilfe)], ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));

    [Fact]
    public void A_consent_for_one_partner_does_not_extend_to_the_whole_category()
    {
        var missing = ConsentRules.Missing([ForPartner(CareService)], ConsentPurpose.ShareWithPartners, null, ServiceCategories.Pflegedienst);

        Assert.Equal("Es fehlt die Einwilligung „Weitergabe an Netzwerkpartner“ (für Pflegedienst).", missing);
    }

    [Fact]
    public void A_withdrawn_consent_covers_nothing()
    {
        var consent = ForCategory(ServiceCategories.Pflegedienst);
        consent.Withdraw(Instant.FromUtc(2026, 3, 2, 9, 0), Guid.NewGuid(), "Fallmanagerin");

        Assert.NotNull(ConsentRules.Missing([consent], ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));
    }

    [Fact]
    public void A_consent_for_another_purpose_does_not_cover_and_the_missing_one_is_named()
    {
        var missing = ConsentRules.Missing([Given(ConsentPurpose.ContactRelatives)], ConsentPurpose.StoreData, null, null);

        Assert.Equal("Es fehlt die Einwilligung „Daten speichern“.", missing);
    }

    [Theory]
    [InlineData(nameof(ConsentPurpose.StoreData))]
    [InlineData(nameof(ConsentPurpose.ContactRelatives))]
    [InlineData(nameof(ConsentPurpose.InvolveNeighbours))]
    public void A_consent_without_scope_covers_its_purpose(string purposeName)
    {
        var purpose = Enum.Parse<ConsentPurpose>(purposeName);

        Assert.Null(ConsentRules.Missing([Given(purpose)], purpose, null, null));
    }

    private static QuartierPflege.CaseManagement.Domain.Consent ForPartner(Guid partnerId) => Given(ConsentPurpose.ShareWithPartners, partnerId: partnerId, partnerName: "Pflegedienst Sonnenschein");

    private static QuartierPflege.CaseManagement.Domain.Consent ForCategory(string category) => Given(ConsentPurpose.ShareWithPartners, category: category);

    private static QuartierPflege.CaseManagement.Domain.Consent Given(ConsentPurpose purpose, Guid? partnerId = null, string? partnerName = null, string? category = null) => new()
    {
        ResidentId = Guid.NewGuid(),
        Purpose = purpose,
        PartnerId = partnerId,
        PartnerName = partnerName,
        ServiceCategory = category,
        GivenOn = new LocalDate(2026, 3, 1),
        Form = ConsentForm.Written,
        RecordedBy = Guid.NewGuid(),
        RecordedByName = "Fallmanagerin",
        RecordedAt = Instant.FromUtc(2026, 3, 1, 9, 0),
    };
}
