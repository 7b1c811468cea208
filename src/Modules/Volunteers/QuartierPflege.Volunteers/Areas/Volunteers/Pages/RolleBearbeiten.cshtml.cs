using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.RoleProfiles;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>Coordination edits a role profile (what it involves, requires and pays) with the same checks as the API.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class RolleBearbeitenModel(RoleProfileFeatures roles) : PageModel
{
    [BindProperty]
    public RoleForm Input { get; set; } = new();

    public string Key { get; private set; } = string.Empty;

    public string RoleName { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public static IReadOnlyList<(string Key, string Name)> CompensationModels => RoleProfileInputValidator.CompensationModels;

    public static IReadOnlyList<CourseType> Courses => Catalogue.Courses;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!(await roles.AllAsync(cancellationToken)).TryGetValue(key, out var role))
        {
            return NotFound();
        }

        (Key, RoleName, Input) = (role.Id, role.Name, RoleForm.Of(role));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (!(await roles.AllAsync(cancellationToken)).TryGetValue(key, out var role))
        {
            return NotFound();
        }

        // The use case checks every field with German messages; the binder's own (English) ones are not shown.
        ModelState.Clear();
        var outcome = await roles.UpdateAsync(key, Input.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            (Key, RoleName) = (role.Id, role.Name);
            return Page();
        }

        Message = $"Das Rollenprofil „{Input.Name?.Trim()}“ ist gespeichert.";
        return Redirect("/Volunteers/Rollen");
    }
}

/// <summary>The role profile form as posted (numbers as text would not bind: they arrive empty and are refused in German).</summary>
internal sealed class RoleForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Tasks { get; set; }

    public string? Guidance { get; set; }

    public List<string> Requirements { get; set; } = [];

    public string? CompensationModelKey { get; set; }

    public int? MaxHoursPerMonth { get; set; }

    public int? MaxPeoplePerHelper { get; set; }

    public bool Section45a { get; set; }

    public int? Version { get; set; }

    public static RoleForm Of(RoleProfile role) => new()
    {
        Name = role.Name, Description = role.Description, Tasks = role.Tasks, Guidance = role.Guidance, Requirements = [.. role.Requirements],
        CompensationModelKey = role.CompensationModelKey, MaxHoursPerMonth = role.MaxHoursPerMonth, MaxPeoplePerHelper = role.MaxPeoplePerHelper,
        Section45a = role.Section45a, Version = role.Version,
    };

    public RoleProfileInput ToInput()
        => new(Name, Description, Tasks, Guidance, Requirements, CompensationModelKey, MaxHoursPerMonth, MaxPeoplePerHelper, Section45a, Version);
}
