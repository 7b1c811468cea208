using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features;

/// <summary>
/// Who may see which volunteer: a volunteer only themselves, coordination everyone. Anything else is "not found", so
/// that nobody learns whether another volunteer exists.
/// </summary>
internal sealed class VolunteerAccess(IQuerySession session, ICurrentUser user)
{
    public bool IsCoordination => user.IsInRole(Roles.Koordination);

    public bool IsStaff => user.IsInRole(Roles.Koordination) || user.IsInRole(Roles.Fallmanagement);

    public Guid UserId => user.Id;

    /// <summary>The signed-in person's own volunteer record, if they have one.</summary>
    public Task<Volunteer?> MeAsync(CancellationToken cancellationToken)
    {
        var id = user.Id;
        return session.Query<Volunteer>().FirstOrDefaultAsync(v => v.UserId == id, cancellationToken);
    }

    /// <summary>The volunteer, if the signed-in person may see them; null otherwise (404).</summary>
    public async Task<Volunteer?> VisibleAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = await session.LoadAsync<Volunteer>(volunteerId, cancellationToken);
        return volunteer is not null && (IsCoordination || volunteer.UserId == user.Id) ? volunteer : null;
    }
}
