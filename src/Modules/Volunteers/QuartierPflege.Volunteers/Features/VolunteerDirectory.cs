using Marten;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features;

/// <summary>Reads the account link (and the Quartier) of <see cref="Volunteer.UserId"/> (a duplicated, indexed column) for other modules.</summary>
internal sealed class VolunteerDirectory(IQuerySession session) : IVolunteerDirectory
{
    public async Task<Guid?> VolunteerIdOfUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var ids = await session.Query<Volunteer>().Where(v => v.UserId == userId).Select(v => v.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<VolunteerOfAccount?> VolunteerOfUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var volunteer = await session.Query<Volunteer>().Where(v => v.UserId == userId).FirstOrDefaultAsync(cancellationToken);
        return volunteer is null ? null : new VolunteerOfAccount(volunteer.Id, volunteer.Quartier);
    }
}
