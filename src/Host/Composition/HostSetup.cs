using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Host.Administration;
using QuartierPflege.Host.Health;
using QuartierPflege.Host.Identity;
using QuartierPflege.Host.Shell;

namespace QuartierPflege.Host.Composition;

internal static class HostSetup
{
    /// <summary>German only (issue #8): the UI, dates, numbers and messages are German for everybody.</summary>
    public static readonly CultureInfo[] SupportedCultures = [CultureInfo.GetCultureInfo("de-DE")];

    public static WebApplicationBuilder AddQuartierPflege(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<TimeProvider>(sp => new ClockTimeProvider(sp.GetRequiredService<IClock>()));
        services.AddQuartierPflegeDatabase(configuration);
        services.AddQuartierPflegeDocuments(configuration);
        builder.AddQuartierPflegeMessaging(typeof(HostSetup).Assembly, GeneratedCode.TypeLoadMode);
        services.AddBuildingBlocks();
        ValidationSetup.UseGermanMessages();

        services.AddQuartierPflegeIdentity();
        services.AddAuthorization(options => options.AddQuartierPflegePolicies());
        services.AddJobs(configuration);
        services.AddModules(configuration);
        services.AddValidatorsOf(typeof(HostSetup).Assembly);

        // German text as text: without this, Razor writes every umlaut as an HTML entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddNavigationItem(new NavigationItem("Übersicht", "/", Policies.SignedIn, 0));
        services.AddNavigationItem(new NavigationItem("Verwaltung", "/Verwaltung/Benutzer", Policies.Administration, 90));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Nobody chooses a language: neither the browser's nor a cookie is asked.
            options.RequestCultureProviders = [];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
                options.Conventions.AuthorizeFolder("/Verwaltung", Policies.Administration);
                options.Conventions.AllowAnonymousToPage("/Anmelden");
                options.Conventions.AllowAnonymousToPage("/Fehler");
                options.Conventions.AllowAnonymousToPage("/Einladung");
            })
            .AddViewLocalization()
            .AddMvcOptions(o => o.ModelBindingMessageProvider.UseGermanMessages());

        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.AddNodaTimeConverters();
            // Enums travel as their names ("Pflegegrad2"), and an unknown name is a 400, never a silent 0.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails is HttpValidationProblemDetails)
            {
                context.ProblemDetails.Title = GermanProblemTitles.ValidationTitle;
            }
            else if (context.ProblemDetails.Title is null || !LooksGerman(context.ProblemDetails.Title))
            {
                context.ProblemDetails.Title = GermanProblemTitles.For(status);
            }

            context.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddForwardedHeadersFromProxy(configuration);
        return builder;
    }

    public static WebApplication UseQuartierPflege(this WebApplication app)
    {
        // First: behind a TLS proxy, the scheme the browser used (https) decides the cookie's Secure flag and redirects.
        if (ProxySetup.IsEnabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler("/Fehler/500");
        app.UseWhen(c => c.IsApiRequest(), api => api.UseStatusCodePages(ApiStatusCodes.WriteProblemAsync));
        app.UseWhen(c => !c.IsApiRequest(), ui => ui.UseStatusCodePagesWithReExecute("/Fehler/{0}"));

        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Policies.SignedIn);
        app.MapIdentityEndpoints();
        app.MapMessageAdminEndpoints();
        app.MapJobAdminEndpoints();
        app.MapJobsDashboard();
        app.MapModules();
        app.MapRazorPages();
        return app;
    }

    private static bool LooksGerman(string title) => title.Contains(' ', StringComparison.Ordinal) && title.EndsWith('.');
}
