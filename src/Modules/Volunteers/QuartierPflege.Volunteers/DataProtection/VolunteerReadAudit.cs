using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>One read of a volunteer's profile by someone other than the volunteer.</summary>
internal sealed class VolunteerReadAudit : VolunteerDataRead;

/// <summary>The profile read log; a volunteer reading their own profile is not logged (the callers check).</summary>
internal sealed class VolunteerReadLog(IDocumentStore store, ICurrentUser user, IClock clock)
    : VolunteerDataReadLog<VolunteerReadAudit>(store, user, clock);
