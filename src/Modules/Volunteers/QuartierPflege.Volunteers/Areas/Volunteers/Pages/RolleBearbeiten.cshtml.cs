using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.RoleProfiles;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>
/// Coordination creates a role profile (no key in the address) or edits one (what it involves, requires and pays) with
/// the same checks as the API, and attaches guidance files (PDF or image, at most 10 MB).
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class RolleBearbeitenModel(RoleProfileFeatures roles) : PageModel
{
    [BindProperty]
    public RoleForm Input { get; set; } = new();

    public string? Key { get; private set; }

    public string RoleName { get; private set; } = string.Empty;

    public bool IsNew => Key is null;

    public IReadOnlyList<(Guid Id, string FileName)> Files { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public static IReadOnlyList<(string Key, string Name)> CompensationModels => RoleProfileInputValidator.CompensationModels;

    public static IReadOnlyList<CourseType> Courses => Catalogue.Courses;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            Input = new RoleForm { CompensationModelKey = "unentgeltlich", MaxHoursPerMonth = 0, MaxPeoplePerHelper = 0, Version = 0 };
            return Page();
        }

        if (!await ShowAsync(key, cancellationToken))
        {
            return NotFound();
        }

        Input = RoleForm.Of((await roles.AllAsync(cancellationToken))[key]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        // The use case checks every field with German messages; the binder's own (English) ones are not shown.
        ModelState.Clear();
        if (key is null)
        {
            var created = await roles.CreateAsync(Input.ToInput(), cancellationToken);
            if (!created.IsDone)
            {
                created.CopyTo(ModelState, nameof(Input));
                return Page();
            }

            Message = $"Das Rollenprofil „{Input.Name?.Trim()}“ ist angelegt. Hier können Sie Dateien zur Anleitung hinzufügen.";
            return Redirect($"/Volunteers/RolleBearbeiten/{created.Value!.Key}");
        }

        if (!await ShowAsync(key, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await roles.UpdateAsync(key, Input.ToInput(), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        Message = $"Das Rollenprofil „{Input.Name?.Trim()}“ ist gespeichert.";
        return Redirect("/Volunteers/Rollen");
    }

    /// <summary>A guidance file from an ordinary file field (no script needed); refused inline like the API refuses it.</summary>
    public async Task<IActionResult> OnPostFileAsync(string? key, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (key is null || !await ShowAsync(key, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var content = await FormFiles.ReadAsync(upload, RoleProfileFeatures.MaxFileBytes, cancellationToken);
        var outcome = await roles.AttachFileAsync(key, upload?.FileName, upload?.ContentType, content, cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, field => field == "file" ? "Upload" : field);
            Input = RoleForm.Of((await roles.AllAsync(cancellationToken))[key]);
            return Page();
        }

        Message = $"Die Datei „{Path.GetFileName(upload!.FileName)}“ ist der Anleitung hinzugefügt.";
        return Redirect($"/Volunteers/RolleBearbeiten/{key}#dateien");
    }

    private async Task<bool> ShowAsync(string key, CancellationToken cancellationToken)
    {
        if (!(await roles.AllAsync(cancellationToken)).TryGetValue(key, out var role))
        {
            return false;
        }

        (Key, RoleName) = (role.Id, role.Name);
        Files = await roles.FilesAsync(key, cancellationToken);
        return true;
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
