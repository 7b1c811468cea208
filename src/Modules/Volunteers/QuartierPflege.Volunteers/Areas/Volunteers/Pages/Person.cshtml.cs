using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Volunteers.DataProtection;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>Coordination's page of one volunteer: the profile (each visit logged) and who read it ("Zugriffe").</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class PersonModel(VolunteerAccess access, VolunteerReadLog log, IQuerySession session) : PageModel
{
    public Volunteer? Volunteer { get; private set; }

    public IReadOnlyList<VolunteerReadAudit> Reads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        Volunteer = await access.VisibleAsync(volunteerId, cancellationToken);
        if (Volunteer is null)
        {
            return NotFound();
        }

        await log.RecordAsync(volunteerId, "Seite Ehrenamtliche (Koordination)", cancellationToken);
        Reads = await log.LatestAsync(session, volunteerId, cancellationToken);
        return Page();
    }
}
