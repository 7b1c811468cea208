using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.Partners.Tests.Directory;

public sealed class PartnerDirectoryTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Finding_partners_filters_by_service_category_and_Quartier()
    {
        var nursing = await FindAsync(ServiceCategories.Pflegedienst, "Döbeln-Ost");

        Assert.Equal(["Ambulante Pflege Sonnenschein"], nursing.Select(p => p.Name));
    }

    [Fact]
    public async Task A_paused_partner_is_not_offered_for_new_referrals()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Persistence.PartnersDbContext>();
            var doctor = db.Set<Domain.Partner>().Single(p => p.Name == "Hausarztpraxis Dr. Weber");
            doctor.Status = PartnerStatus.Paused;
            await db.SaveChangesAsync();
        });

        var doctors = await FindAsync(ServiceCategories.Hausarzt, "Döbeln-Nord");

        Assert.DoesNotContain(doctors, p => p.Name == "Hausarztpraxis Dr. Weber");
    }

    [Fact]
    public async Task Case_managers_see_the_directory_page_and_volunteers_do_not()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);

        var page = await caseManager.GetStringAsync("/Partners?kategorie=schuldnerberatung");

        Assert.Contains("Schuldner- und Insolvenzberatung Mittelsachsen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pflegedienst Muldental", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await volunteer.GetAsync("/Partners")).StatusCode);
    }

    private Task<IReadOnlyList<PartnerListing>> FindAsync(string category, string quartier)
        => app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().FindPartnersAsync(category, quartier, CancellationToken.None));
}
