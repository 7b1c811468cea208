using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

/// <summary>
/// What the Volunteers module answers to a neighbour-help request. Messages may come twice or late: repeated ones
/// change nothing, and answers about a helper who is no longer the chosen one are ignored. A change is stored under the
/// step's revision: a concurrent edit fails the message, which is retried.
/// </summary>
public static class HelpersProposedHandler
{
    public static async Task HandleAsync(HelpersProposed message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var step = await NeighbourHelpSteps.FindAsync(session, message.RequestId, cancellationToken);
        if (step?.NeighbourHelp is not { } help || help.Status == NeighbourHelpStatus.Withdrawn)
        {
            return;
        }

        var candidates = message.Candidates
            .Select(c => new ProposedHelper(c.VolunteerId, c.DisplayName, c.Quartier, c.Languages, c.HoursFreeThisMonth, c.ActiveRoles, c.Reason))
            .ToList();
        // An empty answer is an answer too: the step stops saying that proposals are being searched.
        if (help.Candidates.Select(c => c.VolunteerId).SequenceEqual(candidates.Select(c => c.VolunteerId))
            && (candidates.Count > 0 || help.Status != NeighbourHelpStatus.Requested))
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        step.Note("Vorschläge", help.Candidates.Count == 0 ? "–" : $"{help.Candidates.Count} Vorschläge", $"{candidates.Count} Vorschläge", Actor.Volunteers, now);
        help.Candidates = candidates;
        if (help.Status is NeighbourHelpStatus.Requested or NeighbourHelpStatus.Refused)
        {
            help.Status = NeighbourHelpStatus.Proposed;
        }

        session.UpdateRevision(step, step.Version + 1L);
    }
}

public static class AssignmentStartedHandler
{
    public static async Task HandleAsync(AssignmentStarted message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var step = await NeighbourHelpSteps.FindAsync(session, message.RequestId, cancellationToken);
        // A start that crossed the withdrawal is ended by the Volunteers module (it knows the request is withdrawn).
        if (step?.NeighbourHelp is not { } help || help.Status == NeighbourHelpStatus.Withdrawn
            || help.AssignmentId == message.AssignmentId || help.ChosenVolunteerId != message.VolunteerId)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        help.AssignmentId = message.AssignmentId;
        help.Status = NeighbourHelpStatus.Started;
        help.RefusalReasons = [];
        step.Note("Nachbarschaftshilfe", "Helfer:in gewählt", $"Einsatz begonnen am {GermanDates.Show(message.StartsOn)} ({help.ChosenVolunteerName})", Actor.Volunteers, now);
        if (step.IsOpen)
        {
            step.ChangeStatus(StepStatus.InProgress, Actor.Volunteers, now);
        }

        session.UpdateRevision(step, step.Version + 1L);
    }
}

public static class AssignmentRefusedHandler
{
    public static async Task HandleAsync(AssignmentRefused message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var step = await NeighbourHelpSteps.FindAsync(session, message.RequestId, cancellationToken);
        if (step?.NeighbourHelp is not { } help
            || help.ChosenVolunteerId != message.VolunteerId
            || help.Status is NeighbourHelpStatus.Refused or NeighbourHelpStatus.Started or NeighbourHelpStatus.Withdrawn)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        help.Status = NeighbourHelpStatus.Refused;
        help.RefusalReasons = [.. message.Reasons];
        step.Note("Nachbarschaftshilfe", $"Helfer:in gewählt ({help.ChosenVolunteerName})",
            $"Einsatz nicht möglich: {string.Join("; ", message.Reasons)}", Actor.Volunteers, now);
        if (step.IsOpen)
        {
            step.ChangeStatus(StepStatus.Waiting, Actor.Volunteers, now);
        }

        session.UpdateRevision(step, step.Version + 1L);
    }
}

/// <summary>A helper's role lapsed: their neighbour-help steps in that role are flagged so that someone else is chosen.</summary>
public static class EnrolmentSuspendedHandler
{
    private const string FlagText = "Helfer:in vorübergehend nicht einsatzbereit – bitte neue Helfer:in wählen";

    public static async Task HandleAsync(EnrolmentSuspended message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var steps = (await session.Query<PlanStep>().Where(s => s.ChosenVolunteerId == message.VolunteerId).ToListAsync(cancellationToken))
            .Where(s => s.NeighbourHelp!.RoleProfileKey == message.RoleProfileKey
                        && s.NeighbourHelp.Status is NeighbourHelpStatus.HelperChosen or NeighbourHelpStatus.Started
                        && s.IsOpen)
            .ToList();
        var now = clock.GetCurrentInstant();
        foreach (var step in steps.Where(s => s.Flag?.Kind != StepFlagKind.HelperSuspended))
        {
            var text = $"{FlagText} (ab {GermanDates.Show(message.From)}).";
            step.Note("Hinweis", step.Flag?.Text ?? "–", text, Actor.Volunteers, now);
            step.Flag = new StepFlag(StepFlagKind.HelperSuspended, text, message.From, []);
            session.UpdateRevision(step, step.Version + 1L);
        }
    }
}

internal static class NeighbourHelpSteps
{
    public static Task<PlanStep?> FindAsync(IDocumentSession session, Guid requestId, CancellationToken cancellationToken)
        => session.Query<PlanStep>().SingleOrDefaultAsync(s => s.NeighbourHelpId == requestId, cancellationToken);
}
