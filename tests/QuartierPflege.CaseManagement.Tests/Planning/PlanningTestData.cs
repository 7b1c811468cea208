using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.CaseManagement.Tests.Planning;

internal sealed record TestCase(Guid CaseId, Guid ResidentId, TestUser Manager, HttpClient Client)
{
    public string Api => $"/api/case-management/cases/{CaseId}";

    public string Page(string section) => $"/CaseManagement/Faelle/{CaseId}/{section}";
}

/// <summary>
/// Residents and cases are made by another area; these tests write them straight into the database as documents. Other
/// modules' messages are published as those modules would (<c>app.PublishAndTrackAsync</c>), and what this module
/// published is read from Wolverine's tracked sessions.
/// </summary>
internal static class PlanningTestData
{
    public static readonly LocalDate OpenedOn = new(2026, 2, 20);

    public const string Quartier = "Döbeln-Nord";

    public static async Task<TestCase> CaseAsync(this QpApp app, string role = Roles.Fallmanagement)
    {
        var manager = await app.CreateUserAsync(role, "Fallmanagerin Petra Lange");
        var (caseId, residentId) = await app.InScopeAsync(async sp =>
        {
            var session = sp.GetRequiredService<IDocumentSession>();
            var resident = new Resident
            {
                FirstName = "Gisela",
                LastName = "Krause",
                DateOfBirth = new LocalDate(1938, 5, 14),
                Street = "Bahnhofstraße",
                HouseNumber = "12",
                Flat = "2. OG links",
                PostalCode = "04720",
                City = "Döbeln",
                Quartier = Quartier,
                Phone = "03431 55555",
                CreatedAt = app.Clock.GetCurrentInstant(),
                CreatedBy = manager.Id,
            };
            var @case = new Case
            {
                Number = await session.NextCaseNumberAsync(2026, CancellationToken.None),
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                CaseManagerId = manager.Id,
                CaseManagerName = manager.DisplayName,
                OpenedOn = OpenedOn,
                LastContactOn = OpenedOn,
                Quartier = Quartier,
                CreatedAt = app.Clock.GetCurrentInstant(),
            };
            @case.ShowResident(resident);
            session.Insert(resident);
            session.Insert(@case);
            await session.SaveChangesAsync();
            return (@case.Id, resident.Id);
        });
        return new TestCase(caseId, residentId, manager, await app.SignedInClientAsync(manager));
    }

    /// <summary>
    /// The messages of a type this module published during a tracked session, once each: a message is sent once per
    /// module that handles it (or, while no module in this Host handles it yet, recorded as having no route).
    /// </summary>
    public static IReadOnlyList<T> Published<T>(this ITrackedSession tracked)
        where T : IIntegrationMessage
        => [.. tracked.Sent.MessagesOf<T>().Concat(tracked.NoRoutes.MessagesOf<T>()).DistinctBy(m => m.MessageId)];

    /// <summary>Publishes one message of another module (as it would) and waits until its handling is done.</summary>
    public static Task PublishAndWaitAsync(this QpApp app, object message) => app.PublishAndTrackAsync(message);

    public static async Task<Guid> AddProblemAsync(this TestCase @case, string kind = "Loneliness")
    {
        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems", new
        {
            kind,
            description = "Frau K. hat kaum noch Kontakte.",
            alternatives = new[] { "Besuchsdienst", "Seniorentreff" },
            chosenAlternative = "Besuchsdienst",
            choiceReason = "Frau K. möchte lieber zu Hause Besuch bekommen.",
        });
        return (await response.ShouldBeAsync<JsonElement>(201)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> AddStepAsync(this TestCase @case, Guid problemId, object body)
    {
        var response = await @case.Client.PostAsJsonAsync($"{@case.Api}/problems/{problemId}/steps", body);
        return (await response.ShouldBeAsync<JsonElement>(201)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PlanAsync(this TestCase @case)
        => await (await @case.Client.GetAsync($"{@case.Api}/plan")).ShouldBeAsync<JsonElement>(200);

    public static JsonElement Step(this JsonElement plan, Guid stepId)
        => plan.GetProperty("problems").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray())
            .Single(s => s.GetProperty("id").GetGuid() == stepId);

    public static async Task<T> ShouldBeAsync<T>(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>The German messages of a 400 problem for one field.</summary>
    public static async Task<string> FieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeAsync<JsonElement>(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No message for '{field}': {problem}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
