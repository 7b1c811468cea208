using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Documents;
using QuartierPflege.Volunteers.Domain;
using Wolverine;

namespace QuartierPflege.Volunteers.Features.Matching;

/// <summary>
/// A case asks for neighbour help: remember the request and propose the qualified neighbours, ranked, with the reason
/// for each rank. The same request again (a redelivery) proposes again from the current state, which changes nothing
/// on the case when the proposal is the same.
/// </summary>
public static class NeighbourHelpRequestedHandler
{
    public static async Task<HelpersProposed> HandleAsync(
        NeighbourHelpRequested message, IDocumentSession session, IQuartierList quartiere, IClock clock, CancellationToken cancellationToken)
    {
        var request = await session.LoadAsync<HelpRequest>(message.RequestId, cancellationToken) ?? new HelpRequest
        {
            Id = message.RequestId,
            CaseId = message.CaseId,
            ResidentId = message.ResidentId,
            Quartier = message.Quartier,
            Street = message.ResidentAddress.Street,
            HouseNumber = message.ResidentAddress.HouseNumber,
            Flat = message.ResidentAddress.Flat,
            RoleProfileKey = message.RoleProfileKey,
            Description = message.Description,
            HoursPerMonth = message.HoursPerMonth,
            PreferredTimes = message.PreferredTimes,
            StartsOn = message.StartsOn,
        };
        var candidates = await Proposals.ForAsync(session, quartiere, request, cancellationToken);
        request.Proposed = [.. candidates.Select(c => c.VolunteerId)];
        session.Store(request);
        return new HelpersProposed(Guid.NewGuid(), clock.GetCurrentInstant(), request.Id, candidates);
    }
}

internal static class Proposals
{
    public const int Take = 10;

    /// <summary>
    /// Ranks in the database and reads only the best <see cref="Take"/>: a Quartier has thousands of volunteers, and
    /// reading them all to rank in memory cost hundreds of milliseconds. The order here is the one of
    /// <see cref="Domain.Matching.Rank"/> (same Quartier, overlap with the wished slots, hours free, last name), which
    /// then ranks the few rows again and words the reasons, so the two must stay alike.
    /// </summary>
    private static async Task<IReadOnlyList<Domain.Matching.Ranked>> RankAsync(
        IQuerySession session, HelpRequest request, RoleProfile role, IReadOnlyList<string> neighbours, string[] places, CancellationToken cancellationToken)
    {
        var rows = await session.AdvancedSql.QueryAsync<CandidateRow>(CandidatesSql, cancellationToken, CandidatesParameters(request, role, places));
        return Domain.Matching.Rank(request, role, neighbours, rows.Select(r => new Domain.Matching.Candidate(new Volunteer
        {
            Id = r.VolunteerId, FirstName = r.FirstName, LastName = r.LastName, Quartier = r.Quartier, Availability = r.Availability, Languages = r.Languages,
            ActiveRoles = r.ActiveRoles, Status = VolunteerStatus.Confirmed, Email = string.Empty, Phone = string.Empty, Street = string.Empty, HouseNumber = string.Empty,
        }, r.PlannedHours, r.People)), Take);
    }

    /// <summary>
    /// Candidates: the narrow rows of the role in the places (role and Quartier indexes); their planned hours (all roles
    /// for §45a) and people come from the active assignments, summed once per volunteer who has any (far fewer than
    /// candidates); only the best are joined to their volunteers for names, languages and roles.
    /// </summary>
    internal const string CandidatesSql = $"""
        WITH load AS (
            SELECT a.volunteer_id,
                coalesce(sum((a.data ->> 'HoursPerMonth')::int) FILTER (WHERE ?::boolean OR a.data ->> 'RoleProfileKey' = ?), 0)::int AS hours,
                count(*) FILTER (WHERE a.data ->> 'RoleProfileKey' = ?)::int AS people
            FROM {VolunteersDocuments.Assignments} a
            WHERE a.data ->> 'Status' = 'Active'
            GROUP BY a.volunteer_id),
        best AS (
            SELECT c.volunteer_id, coalesce(l.hours, 0) AS hours, coalesce(l.people, 0) AS people
            FROM {VolunteersDocuments.MatchCandidates} c LEFT JOIN load l ON l.volunteer_id = c.volunteer_id
            WHERE c.role_profile_key = ? AND c.quartier = ANY(?)
                AND CASE WHEN ?::int > 0 THEN ?::int - coalesce(l.hours, 0) ELSE 99 END >= ?::int
                AND (?::int = 0 OR coalesce(l.people, 0) < ?::int)
            ORDER BY c.quartier = ? DESC, bit_count((c.availability_mask & ?::int)::bit(32)) DESC,
                CASE WHEN ?::int > 0 THEN -coalesce(l.hours, 0) ELSE 0 END DESC, c.last_name COLLATE "C"
            LIMIT ?)
        SELECT jsonb_build_object('VolunteerId', v.id, 'FirstName', v.data ->> 'FirstName', 'LastName', v.data ->> 'LastName', 'Quartier', v.quartier,
            'Availability', v.data -> 'Availability', 'Languages', v.data -> 'Languages', 'ActiveRoles', v.data -> 'ActiveRoles',
            'PlannedHours', best.hours, 'People', best.people)
        FROM best JOIN {VolunteersDocuments.Volunteers} v ON v.id = best.volunteer_id
        """;

    internal static object[] CandidatesParameters(HelpRequest request, RoleProfile role, IReadOnlyList<string> places)
    {
        var limit = Domain.Matching.HoursLimit(role);
        var wished = Availability.Mask(Availability.SlotsIn(request.PreferredTimes));
        return [role.Section45a, role.Id, role.Id, role.Id, places.ToArray(), limit, limit, request.HoursPerMonth, role.MaxPeoplePerHelper, role.MaxPeoplePerHelper,
            request.Quartier, wished, limit, Take];
    }

    public static async Task<IReadOnlyList<HelperCandidate>> ForAsync(IQuerySession session, IQuartierList quartiere, HelpRequest request, CancellationToken cancellationToken)
    {
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        if (!roles.TryGetValue(request.RoleProfileKey, out var role))
        {
            return [];
        }

        var neighbours = (await quartiere.FindAsync(request.Quartier, cancellationToken))?.Neighbours ?? [];
        // The same Quartier ranks first, so the neighbouring ones are read only when it has too few (half the rows or less).
        var ranked = await RankAsync(session, request, role, neighbours, [request.Quartier], cancellationToken);
        if (ranked.Count < Take && neighbours.Count > 0)
        {
            ranked = await RankAsync(session, request, role, neighbours, [request.Quartier, .. neighbours], cancellationToken);
        }

        return [.. ranked.Select(r => new HelperCandidate(r.Volunteer.Id, r.Volunteer.DisplayName, r.Volunteer.Quartier, r.Volunteer.Languages, r.HoursFree,
            [.. r.Volunteer.ActiveRoles.Select(k => roles.TryGetValue(k, out var x) ? x.Name : k)], r.Reason))];
    }

    // Not named Id: Marten would read a row type with an Id as a document.
    private sealed record CandidateRow(
        Guid VolunteerId, string FirstName, string LastName, string Quartier, List<string> Availability, List<string> Languages, List<string> ActiveRoles, int PlannedHours, int People);
}

/// <summary>
/// The case manager chose a helper: check the role's limits and, for §45a roles, the Saxon rules; start the assignment
/// or refuse with the reasons. A repeated message finds the assignment and answers the same.
/// </summary>
public static class HelperChosenHandler
{
    public static async Task<OutgoingMessages> HandleAsync(HelperChosen message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var request = await session.LoadAsync<HelpRequest>(message.RequestId, cancellationToken);
        if (request is null)
        {
            return [new AssignmentRefused(Guid.NewGuid(), now, message.RequestId, message.VolunteerId, ["Die Anfrage ist im Ehrenamt nicht bekannt."])];
        }

        var requestId = request.Id;
        var existing = await session.Query<Assignment>().Where(a => a.RequestId == requestId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(a => a.VolunteerId == message.VolunteerId) is { } same)
        {
            return [Started(same, now)];
        }

        var volunteer = await session.LoadAsync<Volunteer>(message.VolunteerId, cancellationToken);
        var role = await Catalogue.RoleAsync(session, request.RoleProfileKey, cancellationToken);
        var volunteerId = message.VolunteerId;
        var theirs = await session.Query<Assignment>().Where(a => a.VolunteerId == volunteerId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);
        var declarations = new AssignmentRules.Declarations(message.Declarations.NotRelatedUpToSecondDegree, message.Declarations.NotSameHousehold, message.Declarations.NotRegisteredCarer);
        var reasons = AssignmentRules.Refusals(volunteer, role, request, theirs, declarations, clock.Today());
        if (reasons.Count > 0)
        {
            return [new AssignmentRefused(Guid.NewGuid(), now, request.Id, message.VolunteerId, reasons)];
        }

        // Another helper chosen before for this request (a re-choice after a suspension): that assignment ends.
        var outgoing = new OutgoingMessages();
        foreach (var previous in existing)
        {
            previous.Status = AssignmentStatus.Ended;
            previous.EndedOn = clock.Today();
            previous.EndReason = "Andere Helfer:in gewählt";
            session.Store(previous);
            outgoing.Add(new AssignmentEnded(Guid.NewGuid(), now, previous.Id, clock.Today(), previous.EndReason));
        }

        var assignment = new Assignment
        {
            RequestId = request.Id,
            CaseId = request.CaseId,
            VolunteerId = volunteer!.Id,
            RoleProfileKey = role!.Id,
            CompensationModelKey = role.CompensationModelKey,
            Street = request.Street,
            HouseNumber = request.HouseNumber,
            Description = request.Description,
            HoursPerMonth = request.HoursPerMonth,
            StartsOn = request.StartsOn < clock.Today() ? clock.Today() : request.StartsOn,
        };
        session.Insert(assignment);
        outgoing.Add(Started(assignment, now));
        return outgoing;
    }

    private static AssignmentStarted Started(Assignment a, Instant now)
        => new(Guid.NewGuid(), now, a.Id, a.RequestId, a.CaseId, a.VolunteerId, a.RoleProfileKey, a.CompensationModelKey, a.StartsOn);
}

/// <summary>
/// A closed case drops its open requests and ends its assignments (each once: an ended one is not ended again).
/// </summary>
public static class CaseClosedHandler
{
    public static async Task<OutgoingMessages> HandleAsync(CaseClosed message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var caseId = message.CaseId;
        foreach (var request in await session.Query<HelpRequest>().Where(r => r.CaseId == caseId && !r.Withdrawn).ToListAsync(cancellationToken))
        {
            request.Withdrawn = true;
            request.WithdrawnOn = message.ClosedOn;
            session.Store(request);
        }

        var active = await session.Query<Assignment>().Where(a => a.CaseId == caseId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);
        return Assignments.End(session, active, message.ClosedOn, "Fall abgeschlossen", clock);
    }
}

/// <summary>
/// The case manager withdrew the neighbour help: the request takes no choice any more and its running assignment ends
/// today. A repeated message finds nothing left to end.
/// </summary>
public static class NeighbourHelpWithdrawnHandler
{
    public static async Task<OutgoingMessages> HandleAsync(NeighbourHelpWithdrawn message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var request = await session.LoadAsync<HelpRequest>(message.RequestId, cancellationToken);
        if (request is { Withdrawn: false })
        {
            request.Withdrawn = true;
            request.WithdrawnOn = clock.Today();
            session.Store(request);
        }

        var requestId = message.RequestId;
        var active = await session.Query<Assignment>().Where(a => a.RequestId == requestId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);
        return Assignments.End(session, active, clock.Today(), "Nachbarschaftshilfe zurückgezogen", clock);
    }
}

internal static class Assignments
{
    public static OutgoingMessages End(IDocumentSession session, IEnumerable<Assignment> active, LocalDate on, string reason, IClock clock)
    {
        var outgoing = new OutgoingMessages();
        foreach (var assignment in active)
        {
            assignment.Status = AssignmentStatus.Ended;
            assignment.EndedOn = on;
            assignment.EndReason = reason;
            session.Store(assignment);
            outgoing.Add(new AssignmentEnded(Guid.NewGuid(), clock.GetCurrentInstant(), assignment.Id, on, reason));
        }

        return outgoing;
    }
}
