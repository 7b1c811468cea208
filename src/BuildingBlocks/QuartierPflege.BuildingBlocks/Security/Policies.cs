using Microsoft.AspNetCore.Authorization;

namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>
/// Named authorisation policies. Every endpoint and page names one of these (or is explicitly anonymous), and a test
/// fails for any that does not.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in, whatever the role (e.g. reporting a concern, one's own account).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Case work: case managers and coordination.</summary>
    public const string CaseWork = "CaseWork";

    /// <summary>The partner directory: case managers and coordination.</summary>
    public const string PartnerDirectory = "PartnerDirectory";

    /// <summary>Money: finance and coordination.</summary>
    public const string Finance = "Finance";

    /// <summary>A volunteer's own area: volunteers, and coordination who supports them.</summary>
    public const string Volunteering = "Volunteering";

    /// <summary>
    /// Community work in the Quartiere (surveys at the door, activities): case managers, coordination and volunteers —
    /// not finance, whose work touches none of it.
    /// </summary>
    public const string CommunityWork = "CommunityWork";

    /// <summary>Running the programme: users, roles, messages, jobs. Coordination only.</summary>
    public const string Administration = "Administration";

    public static void AddQuartierPflegePolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(CaseWork, p => p.RequireRole(Roles.Fallmanagement, Roles.Koordination));
        options.AddPolicy(PartnerDirectory, p => p.RequireRole(Roles.Fallmanagement, Roles.Koordination));
        options.AddPolicy(Finance, p => p.RequireRole(Roles.Finanzen, Roles.Koordination));
        options.AddPolicy(Volunteering, p => p.RequireRole(Roles.Ehrenamt, Roles.Koordination));
        options.AddPolicy(CommunityWork, p => p.RequireRole(Roles.Fallmanagement, Roles.Koordination, Roles.Ehrenamt));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Koordination));

        // Defence in depth: an endpoint that forgot its policy still needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
