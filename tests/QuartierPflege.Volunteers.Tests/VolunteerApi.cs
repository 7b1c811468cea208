using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>Short ways to the states the tests start from.</summary>
internal static class VolunteerApi
{
    /// <summary>A confirmed volunteer with an account (signed in), stored directly: most tests are not about registering.</summary>
    public static async Task<(Volunteer Volunteer, HttpClient Client)> VolunteerAsync(
        this QpApp app, string lastName, string quartier = "Döbeln-Nord", string[]? activeRoles = null, string street = "Ritterstraße", string house = "7", string? flat = null)
    {
        var user = await app.CreateUserAsync(Roles.Ehrenamt, $"Test {lastName}");
        var volunteer = new Volunteer
        {
            UserId = user.Id, FirstName = "Test", LastName = lastName, Email = user.Email, Phone = "03431 123456", Street = street, HouseNumber = house, Flat = flat,
            Quartier = quartier, BirthDate = new LocalDate(1961, 5, 5), Status = VolunteerStatus.Confirmed, Availability = ["di-vormittag", "do-vormittag"],
            Languages = ["Deutsch"],
        };
        foreach (var role in activeRoles ?? [])
        {
            volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = role, State = EnrolmentState.Active, Since = new LocalDate(2026, 1, 1) });
        }

        volunteer.RefreshActiveRoles();
        await app.StoreAsync(volunteer);
        return (volunteer, await app.SignedInClientAsync(user));
    }

    public static Task StoreAsync(this QpApp app, params object[] documents) => app.InScopeAsync(async services =>
    {
        var session = services.GetRequiredService<IDocumentSession>();
        foreach (var document in documents)
        {
            session.Store(document);
        }

        await session.SaveChangesAsync();
    });

    public static Task<T?> LoadAsync<T>(this QpApp app, Guid id) where T : notnull
        => app.InScopeAsync(services => services.GetRequiredService<IQuerySession>().LoadAsync<T>(id));

    public static Task<IReadOnlyList<T>> AllAsync<T>(this QpApp app) where T : notnull
        => app.InScopeAsync(services => services.GetRequiredService<IQuerySession>().Query<T>().ToListAsync());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The German field messages of a 400.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
