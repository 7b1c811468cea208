using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;
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

    /// <summary>Reads only what ranking needs (not whole documents): a Quartier can have thousands of volunteers.</summary>
    private static async Task<IReadOnlyList<Domain.Matching.Ranked>> RankAsync(
        IQuerySession session, HelpRequest request, RoleProfile role, IReadOnlyList<string> neighbours, string[] places, CancellationToken cancellationToken)
    {
        var roleKey = role.Id;
        var rows = await session.Query<Volunteer>()
            .Where(v => places.Contains(v.Quartier) && v.ActiveRoles.Contains(roleKey))
            .Select(v => new { v.Id, v.FirstName, v.LastName, v.Quartier, v.Availability, v.Languages, v.ActiveRoles, v.Status })
            .ToListAsync(cancellationToken);
        var volunteers = rows.Select(r => new Volunteer
        {
            Id = r.Id, FirstName = r.FirstName, LastName = r.LastName, Quartier = r.Quartier, Availability = r.Availability, Languages = r.Languages,
            ActiveRoles = r.ActiveRoles, Status = r.Status, Email = string.Empty, Phone = string.Empty, Street = string.Empty, HouseNumber = string.Empty,
        }).ToList();
        var ids = volunteers.Select(v => v.Id).ToArray();
        IReadOnlyList<Assignment> active = ids.Length == 0 ? [] : await session.Query<Assignment>()
            .Where(a => ids.Contains(a.VolunteerId) && a.Status == AssignmentStatus.Active)
            .ToListAsync(cancellationToken);
        var byVolunteer = active.GroupBy(a => a.VolunteerId).ToDictionary(g => g.Key, g => g.ToList());
        return Domain.Matching.Rank(request, role, neighbours, volunteers.Select(v =>
        {
            var mine = byVolunteer.TryGetValue(v.Id, out var list) ? list : [];
            var hours = role.Section45a ? mine.Sum(a => a.HoursPerMonth) : mine.Where(a => a.RoleProfileKey == roleKey).Sum(a => a.HoursPerMonth);
            return new Domain.Matching.Candidate(v, hours, mine.Count(a => a.RoleProfileKey == roleKey));
        }), Take);
    }

    public static async Task<IReadOnlyList<HelperCandidate>> ForAsync(IQuerySession session, IQuartierList quartiere, HelpRequest request, CancellationToken cancellationToken)
    {
        var role = await Catalogue.RoleAsync(session, request.RoleProfileKey, cancellationToken);
        if (role is null)
        {
            return [];
        }

        var neighbours = (await quartiere.FindAsync(request.Quartier, cancellationToken))?.Neighbours ?? [];
        // Neighbours of the same Quartier rank first: the neighbouring Quartiere are read only when it has too few.
        var ranked = await RankAsync(session, request, role, neighbours, [request.Quartier], cancellationToken);
        if (ranked.Count < Take && neighbours.Count > 0)
        {
            ranked = await RankAsync(session, request, role, neighbours, [request.Quartier, .. neighbours], cancellationToken);
        }

        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        return [.. ranked.Select(r => new HelperCandidate(r.Volunteer.Id, r.Volunteer.DisplayName, r.Volunteer.Quartier, r.Volunteer.Languages, r.HoursFree,
            [.. r.Volunteer.ActiveRoles.Select(k => roles.TryGetValue(k, out var x) ? x.Name : k)], r.Reason))];
    }
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

/// <summary>A closed case ends its assignments (each once: an ended one is not ended again).</summary>
public static class CaseClosedHandler
{
    public static async Task<OutgoingMessages> HandleAsync(CaseClosed message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var caseId = message.CaseId;
        var active = await session.Query<Assignment>().Where(a => a.CaseId == caseId && a.Status == AssignmentStatus.Active).ToListAsync(cancellationToken);
        foreach (var assignment in active)
        {
            assignment.Status = AssignmentStatus.Ended;
            assignment.EndedOn = message.ClosedOn;
            assignment.EndReason = "Fall abgeschlossen";
            session.Store(assignment);
            outgoing.Add(new AssignmentEnded(Guid.NewGuid(), clock.GetCurrentInstant(), assignment.Id, message.ClosedOn, assignment.EndReason));
        }

        return outgoing;
    }
}
