using System.Net;
using System.Text.RegularExpressions;

namespace QuartierPflege.CaseManagement.Tests.Support;

internal static partial class Pages
{
    public static async Task<string> HtmlAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>The texts of the inline field messages (class field-error) of a page.</summary>
    public static string[] FieldErrors(string html)
        => [.. FieldError().Matches(html).Select(m => m.Groups[1].Value.Trim()).Where(t => t.Length > 0)];

    [GeneratedRegex("class=\"field-error[^\"]*\"[^>]*>([^<]*)<", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}
