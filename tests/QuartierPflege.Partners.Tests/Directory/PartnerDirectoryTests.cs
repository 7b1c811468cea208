using Marten;
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
            var session = sp.GetRequiredService<IDocumentSession>();
            var doctor = await session.Query<Domain.Partner>().SingleAsync(p => p.Name == "Hausarztpraxis Dr. Weber");
            doctor.Status = PartnerStatus.Paused;
            session.Update(doctor);
            await session.SaveChangesAsync();
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

    [Fact]
    public async Task Seeding_the_demo_partners_again_adds_none_twice()
    {
        await app.SeedDemoDataAsync();

        var all = await FindAsync(null, null);

        Assert.Equal(all.Count, all.Select(p => p.Name).Distinct().Count());
        Assert.Contains(all, p => p.Name == "Pflegestützpunkt Mittelsachsen");
    }

    [Fact]
    public async Task A_partner_is_found_by_its_id_and_an_unknown_id_finds_none()
    {
        var known = (await FindAsync(ServiceCategories.Sozialamt, null)).Single();

        var found = await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().GetAsync(known.PartnerId, CancellationToken.None));
        var unknown = await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().GetAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Equal("Sozialamt Landkreis Mittelsachsen, Außenstelle Döbeln", found?.Name);
        Assert.Equal([ServiceCategories.Sozialamt], found?.ServiceCategories);
        Assert.Null(unknown);
    }

    private Task<IReadOnlyList<PartnerListing>> FindAsync(string? category, string? quartier)
        => app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().FindPartnersAsync(category, quartier, CancellationToken.None));
}
