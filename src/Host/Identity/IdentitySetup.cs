using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Host.Identity.Features.SignIn;
using QuartierPflege.Host.Identity.Features.Users;
using QuartierPflege.Host.Identity.PersonalData;
using QuartierPflege.DataProtection.Contracts;
using Wolverine;

namespace QuartierPflege.Host.Identity;

internal static class IdentitySetup
{
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddQuartierPflegeIdentity(this IServiceCollection services)
    {
        services.AddDbContext<IdentityDb>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", IdentityDb.SchemaName))
            // snake_case tables and columns, so that hand-written SQL needs no quoting (as the schema has always been).
            .UseSnakeCaseNamingConvention());
        SharedKeyRing.AddTo(services);
        services
            .AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // Length over composition rules (as NIST and BSI recommend): a long passphrase is easier to remember
                // for a retired neighbour and harder to guess than "Passw0rt!".
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<GermanIdentityErrors>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddUserManager<ClockedUserManager>();

        // Each request's cookie is checked against the account at most a minute after the last check: a deactivated
        // account (new security stamp) is signed out within a minute, not when its 8-hour cookie expires. The check
        // uses the Host's TimeProvider (the IClock), so tests move it with the fake clock.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SecurityStampInterval);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "qp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/Anmelden";
            options.LogoutPath = "/Abmelden";
            options.AccessDeniedPath = "/Fehler/403";
            // API clients get status codes (turned into problem details), never a redirect to an HTML page.
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context.HttpContext, context.RedirectUri, 401);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context.HttpContext, context.RedirectUri, 403);
        });

        services.AddScoped<SignInUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<ChangeUserAccess>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<IVolunteerAccounts, VolunteerAccounts>();
        // Data protection: the accounts in the register, in a person's copy, and erased with a volunteer.
        services.AddSingleton<IPersonalDataRegister, SignInPersonalData>();
        services.AddScoped<IPersonalDataHolder, SignInPersonalDataHolder>();
        services.AddScoped<ISignInAccounts, SignInAccounts>();
        services.ConfigureWolverine(o => o.CodeGeneration.AlwaysUseServiceLocationFor<ISignInAccounts>());
        services.AddDemoDataSeeder<DemoUsers>();
        return services;
    }

    private static Task RespondOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.IsApiRequest())
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
