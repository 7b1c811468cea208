using System.Collections.Frozen;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace QuartierPflege.Notifications.Mail;

/// <summary>A mail as its template rendered it.</summary>
internal sealed record RenderedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// The German mail templates: per message kind three Scriban files under <c>Mail/Templates/</c>
/// (<c>&lt;kind&gt;.subject.sbn</c>, <c>.html.sbn</c>, <c>.text.sbn</c>), embedded in the assembly and parsed once.
/// The model's members are in snake_case (<c>CaseManagerName</c> → <c>case_manager_name</c>); <c>datum</c>,
/// <c>monat</c> and <c>euro</c> format German dates, months and amounts. The HTML body escapes every value it writes,
/// also what the functions return, without the template asking for it; subject and text body are plain text.
/// A variable or member the model does not have fails the rendering.
/// </summary>
internal sealed class MailTemplates
{
    private const string ResourcePrefix = "MailTemplates/";
    private const string SubjectSuffix = ".subject.sbn";

    private static readonly char[] LineBreaks = ['\r', '\n'];

    private static readonly Lazy<MailTemplates> Instance = new(() => new MailTemplates());

    private readonly FrozenDictionary<string, Parsed> _templates;

    private MailTemplates()
    {
        var assembly = typeof(MailTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(SubjectSuffix, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^SubjectSuffix.Length])
            .ToFrozenDictionary(
                name => name,
                name => new Parsed(Parse(assembly, name, "subject"), Parse(assembly, name, "html"), Parse(assembly, name, "text")),
                StringComparer.Ordinal);
    }

    /// <summary>
    /// The templates are resources of this assembly and immutable once parsed: one set per process, shared by the
    /// handlers (which, as public Wolverine handler types, cannot be handed this internal type by the container).
    /// </summary>
    public static MailTemplates Shared => Instance.Value;

    public IEnumerable<string> Names => _templates.Keys;

    public RenderedMail Render(string templateName, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(templateName, out var template))
        {
            throw new ArgumentException($"There is no mail template '{templateName}' (Mail/Templates/{templateName}.*.sbn).", nameof(templateName));
        }

        return new RenderedMail(
            OneLine(template.Subject.Render(Context(model, new TemplateContext(NoBuiltins())))),
            template.Html.Render(Context(model, new HtmlTemplateContext())),
            template.Text.Render(Context(model, new TemplateContext(NoBuiltins()))));
    }

    private static TemplateContext Context(object model, TemplateContext context)
    {
        var functions = new ScriptObject();
        functions.Import("datum", new Func<object?, string>(GermanFormats.Date));
        functions.Import("monat", new Func<object?, string>(GermanFormats.Month));
        functions.Import("euro", new Func<object?, string>(GermanFormats.Euro));
        var values = new ScriptObject();
        values.Import(model);

        // A misspelt variable or member must fail loudly in the tests, not send a mail with a gap.
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        // Numbers the template writes as they are (a quantity of 12.5 hours) read German: "12,5".
        context.PushCulture(GermanFormats.Culture);
        context.PushGlobal(functions);
        context.PushGlobal(values);
        return context;
    }

    // Scriban's built-in objects (date, string, html …) would answer for a model field the model lacks: a template
    // asking for a missing "date" would get the built-in date object instead of failing.
    private static ScriptObject NoBuiltins() => new();

    private static Template Parse(Assembly assembly, string name, string part)
    {
        var path = $"{ResourcePrefix}{name}.{part}.sbn";
        using var stream = assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"Mail template '{name}' has no {part} part (Mail/Templates/{name}.{part}.sbn).");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), path);
        return template.HasErrors
            ? throw new InvalidOperationException($"Mail template {path} does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }

    // A subject is one header line: the template's line breaks and surrounding blanks must not reach it.
    private static string OneLine(string subject) => string.Join(' ', subject.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed record Parsed(Template Subject, Template Html, Template Text);

    /// <summary>
    /// Escapes every value written into HTML, so that no template has to remember it. Scriban writes values through
    /// these two methods (the asynchronous one when rendering asynchronously) and the template's own markup around
    /// them, so only the values are encoded. All Unicode ranges are allowed: an umlaut stays an umlaut, only markup
    /// characters (&lt; &gt; &amp; " ') are encoded.
    /// </summary>
    private sealed class HtmlTemplateContext : TemplateContext
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public HtmlTemplateContext()
            : base(NoBuiltins())
        {
        }

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
            => base.Write(span, Encode(textAsObject));

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject)
            => base.WriteAsync(span, Encode(textAsObject));

        private string? Encode(object? value) => value is null ? null : Encoder.Encode(ObjectToString(value) ?? string.Empty);
    }
}
