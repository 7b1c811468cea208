using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Api;

public sealed class ApiConventionTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task An_api_call_without_sign_in_is_401_problem_details()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/api/admin/users");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Anmeldung erforderlich.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_api_call_with_the_wrong_role_is_403_problem_details()
    {
        var client = await app.SignedInClientAsync(Roles.Ehrenamt);

        var response = await client.GetAsync("/api/admin/users");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Keine Berechtigung.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_api_address_is_404_problem_details()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);

        var response = await client.GetAsync("/api/gibt-es-nicht");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_input_is_400_with_German_field_messages()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);

        var response = await client.PostAsJsonAsync("/api/admin/users", new { email = "keine-adresse", displayName = "", password = "", roles = new[] { "Chef" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Die Eingaben sind nicht gültig.", problem.GetProperty("title").GetString());
        Assert.Contains("Bitte geben Sie eine gültige E-Mail-Adresse ein.", problem.FieldMessages("email"));
        Assert.Contains("Bitte geben Sie den Namen ein.", problem.FieldMessages("displayName"));
        Assert.Contains("Bitte vergeben Sie ein Anfangspasswort.", problem.FieldMessages("password"));
        Assert.StartsWith("Unbekannte Rolle.", problem.FieldMessages("roles")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_on_every_api_endpoint_with_a_body_is_400_problem_details()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);
        var endpoints = JsonBodyEndpoints();
        Assert.NotEmpty(endpoints);

        foreach (var (method, path) in endpoints)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent("{ \"email\": ", Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_content_type_on_every_api_endpoint_with_a_body_is_400_problem_details()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);

        foreach (var (method, path) in JsonBodyEndpoints())
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent("email=a@b.de", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            var response = await client.SendAsync(request);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_malformed_id_in_the_address_is_not_a_server_error()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);

        var response = await client.GetAsync("/api/admin/users/keine-guid");

        Assert.True((int)response.StatusCode is 400 or 404, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/auth/login\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/admin/users\"", document, StringComparison.Ordinal);
    }

    /// <summary>Every API endpoint that reads a JSON body, with its route parameters filled in.</summary>
    private List<(string Method, string Path)> JsonBodyEndpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => (m, FillRoute(e.RoutePattern.RawText!))))
            .ToList();
    }

    private static string FillRoute(string pattern)
        => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", Guid.Empty.ToString());
}
