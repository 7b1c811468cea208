using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.RoleProfiles;
using QuartierPflege.Volunteers.Features.Trainings;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>A volunteer's own certificates (valid until when, still being checked) and uploading one from elsewhere.</summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class NachweiseModel(VolunteerAccess access, TrainingFeatures trainings, IClock clock) : PageModel
{
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public LocalDate Today { get; private set; }

    [BindProperty]
    public UploadForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public static IReadOnlyList<CourseType> Courses => Catalogue.Courses;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        ModelState.Clear();
        var content = await FormFiles.ReadAsync(upload, RoleProfileFeatures.MaxFileBytes, cancellationToken);
        var outcome = await trainings.UploadCertificateAsync(me, Input.CourseKey, ProfileForm.ParseDate(Input.IssuedOn), upload?.FileName, upload?.ContentType, content, cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, field => field == "file" ? "Upload" : field.Length == 0 ? string.Empty : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}");
            await LoadAsync(me, cancellationToken);
            return Page();
        }

        Message = "Ihr Nachweis ist hochgeladen. Die Koordination prüft ihn; danach zählt er für Ihre Rollen.";
        return Redirect("/Volunteers/Nachweise");
    }

    private async Task LoadAsync(Volunteer me, CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Certificates = [.. (await trainings.CertificatesOfAsync(me.Id, cancellationToken)).OrderByDescending(c => c.IssuedOn).Select(TrainingFeatures.ViewOf)];
    }

    internal sealed class UploadForm
    {
        public string? CourseKey { get; set; }

        /// <summary>yyyy-mm-dd from a date field, or 1.2.2026 typed.</summary>
        public string? IssuedOn { get; set; }
    }
}
