using System.Collections.Frozen;
using System.Reflection;
using HandlebarsDotNet;

namespace QuartierPflege.Notifications.Mail;

/// <summary>A mail as its template rendered it: what goes into the queue.</summary>
internal sealed record RenderedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// The German mail templates: per message kind three Handlebars files under <c>Mail/Templates/</c>
/// (<c>&lt;kind&gt;.subject.hbs</c>, <c>.html.hbs</c>, <c>.text.hbs</c>), embedded in the assembly and compiled once.
/// The HTML body escapes every value, also what the helpers return; subject and text body are plain text.
/// </summary>
internal sealed class MailTemplates
{
    private const string ResourcePrefix = "MailTemplates/";
    private const string SubjectSuffix = ".subject.hbs";

    private static readonly char[] LineBreaks = ['\r', '\n'];

    private readonly FrozenDictionary<string, Compiled> _templates;

    public MailTemplates()
    {
        var html = CreateEnvironment(escapeHtml: true);
        var text = CreateEnvironment(escapeHtml: false);
        var assembly = typeof(MailTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(SubjectSuffix, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^SubjectSuffix.Length])
            .ToFrozenDictionary(
                name => name,
                name => new Compiled(
                    text.Compile(Source(assembly, name, "subject")),
                    html.Compile(Source(assembly, name, "html")),
                    text.Compile(Source(assembly, name, "text"))),
                StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _templates.Keys;

    public RenderedMail Render(string templateName, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(templateName, out var template))
        {
            throw new ArgumentException($"There is no mail template '{templateName}' (Mail/Templates/{templateName}.*.hbs).", nameof(templateName));
        }

        return new RenderedMail(OneLine(template.Subject(model)), template.Html(model), template.Text(model));
    }

    private static IHandlebars CreateEnvironment(bool escapeHtml)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            FormatProvider = GermanFormats.Culture,
            // Escapes the markup characters only: the default (legacy) encoder would also turn every umlaut into &#NNN;.
            TextEncoder = new HtmlEncoder(),
            NoEscape = !escapeHtml,
            // A misspelt field must fail loudly in the tests, not send a mail with a gap.
            ThrowOnUnresolvedBindingExpression = true,
        });

        // Return helpers: Handlebars writes their result through the encoder like any {{value}}.
        handlebars.RegisterHelper("datum", (context, arguments) => GermanFormats.Date(Single(arguments, "datum")));
        handlebars.RegisterHelper("monat", (context, arguments) => GermanFormats.Month(Single(arguments, "monat")));
        handlebars.RegisterHelper("euro", (context, arguments) => GermanFormats.Euro(Single(arguments, "euro")));
        return handlebars;
    }

    private static object? Single(Arguments arguments, string helper) => arguments.Length == 1
        ? arguments[0]
        : throw new HandlebarsRuntimeException($"{{{{{helper}}}}} takes exactly one value, got {arguments.Length}.");

    private static string Source(Assembly assembly, string name, string part)
    {
        using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.{part}.hbs")
            ?? throw new InvalidOperationException($"Mail template '{name}' has no {part} part (Mail/Templates/{name}.{part}.hbs).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // A subject is one header line: the template's line breaks and surrounding blanks must not reach it.
    private static string OneLine(string subject) => string.Join(' ', subject.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed record Compiled(
        HandlebarsTemplate<object, object> Subject,
        HandlebarsTemplate<object, object> Html,
        HandlebarsTemplate<object, object> Text);
}
