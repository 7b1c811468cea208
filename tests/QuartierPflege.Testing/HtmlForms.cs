using System.Text.RegularExpressions;

namespace QuartierPflege.Testing;

/// <summary>Submitting a page's form as a browser would: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class HtmlForms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {pageUrl} ({(int)page.StatusCode}).");
        }

        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token.Groups[1].Value)));
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    /// <summary>A form with <c>enctype="multipart/form-data"</c>: fields and files (name, file name, content type, bytes).</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Name, string FileName, string ContentType, byte[] Content)> files, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {pageUrl} ({(int)page.StatusCode}).");
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", token.Groups[1].Value)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, contentType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, name, fileName);
        }

        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, params (string Name, string Value)[] fields)
        => client.SubmitFormAsync(pageUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
