using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Support;

/// <summary>The steps most tests need before their own: a resident, a consent, a case, all through the API.</summary>
internal static class CaseWorkApi
{
    public const string Residents = "/api/case-management/residents";

    public static Dictionary<string, object?> ResidentBody(string firstName = "Erika", string lastName = "Musterfrau", string quartier = "Döbeln-Nord") => new()
    {
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["dateOfBirth"] = "1941-05-14",
        ["street"] = "Bahnhofstraße",
        ["houseNumber"] = "12",
        ["flat"] = "2. OG links",
        ["postalCode"] = "04720",
        ["city"] = "Döbeln",
        ["quartier"] = quartier,
        ["phone"] = "03431 12345",
        ["careLevel"] = "Pflegegrad2",
        ["tenancyNumber"] = "M-4711",
        ["languages"] = new[] { "Deutsch", "Russisch" },
        ["relatives"] = new object[] { new { name = "Anna Musterfrau", role = "Tochter", phone = "0171 1234567", mayBeContacted = true } },
        // Tests create the same person many times in one database: the duplicate warning has tests of its own.
        ["createDespiteDuplicates"] = true,
    };

    public static async Task<Guid> CreateResidentAsync(this HttpClient client, string firstName = "Erika", string lastName = "Musterfrau", string quartier = "Döbeln-Nord")
    {
        var response = await client.PostAsJsonAsync(Residents, ResidentBody(firstName, lastName, quartier));
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A Quartier of its own on the managed list (added by coordination), for tests that filter by Quartier.</summary>
    public static async Task<string> NewQuartierAsync(this QpApp app)
    {
        var coordination = await app.SignedInClientAsync(BuildingBlocks.Security.Roles.Koordination);
        var name = $"Testquartier {Guid.NewGuid():N}"[..30];
        var response = await coordination.PostAsJsonAsync("/api/quartiere", new { name, neighbours = Array.Empty<string>() });
        await response.JsonAsync(HttpStatusCode.Created);
        return name;
    }

    public static async Task<Guid> GiveConsentAsync(this HttpClient client, Guid residentId, object consent)
    {
        var response = await client.PostAsJsonAsync($"{Residents}/{residentId}/consents", consent);
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static Task<Guid> GiveStoreDataConsentAsync(this HttpClient client, Guid residentId)
        => client.GiveConsentAsync(residentId, new { purpose = "StoreData", givenOn = "2026-03-01", form = "Written" });

    public static async Task<(Guid Id, string Number)> OpenCaseAsync(this HttpClient client, Guid residentId, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/case-management/cases", body ?? new { residentId });
        var json = await response.JsonAsync(HttpStatusCode.Created);
        return (json.GetProperty("id").GetGuid(), json.GetProperty("number").GetString()!);
    }

    /// <summary>A resident with the consent to store data and an open case, owned by the client's user.</summary>
    public static async Task<(Guid ResidentId, Guid CaseId)> ResidentWithCaseAsync(this HttpClient client, string lastName = "Musterfrau")
    {
        var residentId = await client.CreateResidentAsync(lastName: lastName);
        await client.GiveStoreDataConsentAsync(residentId);
        var (caseId, _) = await client.OpenCaseAsync(residentId);
        return (residentId, caseId);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A problem details answer with the status; returns it for checks of its messages.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return json;
    }

    public static string[] FieldMessages(this JsonElement problem, string field)
        => problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : throw new Xunit.Sdk.XunitException($"No messages for '{field}' in {problem}");
}
