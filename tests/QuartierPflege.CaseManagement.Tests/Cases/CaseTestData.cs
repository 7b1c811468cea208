using System.Net;
using System.Text.Json;
using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

/// <summary>
/// Residents and cases straight into the module's database (opening a case is another feature; these tests need a
/// case to work on, not the way it was opened).
/// </summary>
internal static class CaseTestData
{
    public static readonly LocalDate Today = new(2026, 3, 2);

    public static async Task<Case> CreateCaseAsync(
        this QpApp app,
        TestUser manager,
        string firstName = "Erika",
        string lastName = "Müller",
        string quartier = "Döbeln-Nord",
        LocalDate? openedOn = null,
        LocalDate? lastContactOn = null,
        CaseStatus status = CaseStatus.Open,
        TestUser? deputy = null)
        => await app.QueryAsync(async db =>
        {
            var resident = new Resident
            {
                FirstName = firstName,
                LastName = lastName,
                DateOfBirth = new LocalDate(1941, 5, 17),
                Street = "Bahnhofstraße",
                HouseNumber = "12",
                Flat = "2. OG links",
                PostalCode = "04720",
                City = "Döbeln",
                Quartier = quartier,
                Phone = "03431 123456",
                CareLevel = CareLevel.Pflegegrad2,
                Languages = ["Deutsch", "Russisch"],
                CreatedAt = QpApp.DefaultStart,
                CreatedBy = manager.Id,
            };
            var opened = openedOn ?? Today.PlusDays(-30);
            var @case = new Case
            {
                Number = await db.Session.NextCaseNumberAsync(2026, CancellationToken.None),
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                ResidentSearchName = resident.SearchName,
                CaseManagerId = manager.Id,
                CaseManagerName = manager.DisplayName,
                DeputyId = deputy?.Id,
                DeputyName = deputy?.DisplayName,
                Status = status,
                OpenedOn = opened,
                ClosedOn = status == CaseStatus.Closed ? Today : null,
                LastContactOn = lastContactOn ?? Today.PlusDays(-2),
                Quartier = quartier,
                CreatedAt = QpApp.DefaultStart,
            };
            db.Session.Insert(resident);
            db.Session.Insert(@case);
            await db.Session.SaveChangesAsync();
            // As a request would read it (with the revision Marten gave it).
            return (await db.Session.LoadAsync<Case>(@case.Id))!;
        });

    public static Task<T> DbAsync<T>(this QpApp app, Func<Documents, Task<T>> work) => app.QueryAsync(work);

    public static Task<Case> ReloadCaseAsync(this QpApp app, Guid caseId)
        => app.DbAsync(async db => (await db.Session.LoadAsync<Case>(caseId))!);

    /// <summary>Asserts an RFC 9457 problem with the status and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    public static string FieldMessage(this JsonElement problem, string field)
        => string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
