using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

/// <summary>
/// What the Volunteers module answers to a neighbour-help request. Messages may come twice or late: repeated ones
/// change nothing, and answers about a helper who is no longer the chosen one are ignored.
/// </summary>
internal sealed class HelpersProposedHandler(CaseManagementDbContext db, IClock clock) : IMessageHandler<HelpersProposed>
{
    public async Task HandleAsync(HelpersProposed message, CancellationToken cancellationToken)
    {
        var step = await db.StepsWithDetails().SingleOrDefaultAsync(s => s.NeighbourHelp!.Id == message.RequestId, cancellationToken);
        if (step?.NeighbourHelp is not { } help)
        {
            return;
        }

        var candidates = message.Candidates
            .Select(c => new ProposedHelper(c.VolunteerId, c.DisplayName, c.Quartier, c.Languages, c.HoursFreeThisMonth, c.ActiveRoles))
            .ToList();
        if (help.Candidates.Select(c => c.VolunteerId).SequenceEqual(candidates.Select(c => c.VolunteerId)))
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

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class AssignmentStartedHandler(CaseManagementDbContext db, IClock clock) : IMessageHandler<AssignmentStarted>
{
    public async Task HandleAsync(AssignmentStarted message, CancellationToken cancellationToken)
    {
        var step = await db.StepsWithDetails().SingleOrDefaultAsync(s => s.NeighbourHelp!.Id == message.RequestId, cancellationToken);
        if (step?.NeighbourHelp is not { } help || help.AssignmentId == message.AssignmentId || help.ChosenVolunteerId != message.VolunteerId)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        help.AssignmentId = message.AssignmentId;
        help.Status = NeighbourHelpStatus.Started;
        help.RefusalReasons = [];
        step.Note("Nachbarschaftshilfe", "Helfer:in gewählt", $"Einsatz begonnen am {PlanningNames.Date(message.StartsOn)} ({help.ChosenVolunteerName})", Actor.Volunteers, now);
        if (step.IsOpen)
        {
            step.ChangeStatus(StepStatus.InProgress, Actor.Volunteers, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class AssignmentRefusedHandler(CaseManagementDbContext db, IClock clock) : IMessageHandler<AssignmentRefused>
{
    public async Task HandleAsync(AssignmentRefused message, CancellationToken cancellationToken)
    {
        var step = await db.StepsWithDetails().SingleOrDefaultAsync(s => s.NeighbourHelp!.Id == message.RequestId, cancellationToken);
        if (step?.NeighbourHelp is not { } help
            || help.ChosenVolunteerId != message.VolunteerId
            || help.Status is NeighbourHelpStatus.Refused or NeighbourHelpStatus.Started)
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

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A helper's role lapsed: their neighbour-help steps in that role are flagged so that someone else is chosen.</summary>
internal sealed class EnrolmentSuspendedHandler(CaseManagementDbContext db, IClock clock) : IMessageHandler<EnrolmentSuspended>
{
    public const string FlagText = "Helfer:in vorübergehend nicht einsatzbereit – bitte neue Helfer:in wählen";

    public async Task HandleAsync(EnrolmentSuspended message, CancellationToken cancellationToken)
    {
        var steps = await db.StepsWithDetails()
            .Where(s => s.NeighbourHelp!.ChosenVolunteerId == message.VolunteerId
                        && s.NeighbourHelp.RoleProfileKey == message.RoleProfileKey
                        && (s.NeighbourHelp.Status == NeighbourHelpStatus.HelperChosen || s.NeighbourHelp.Status == NeighbourHelpStatus.Started)
                        && s.Status != StepStatus.Done && s.Status != StepStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var step in steps.Where(s => s.Flag?.Kind != StepFlagKind.HelperSuspended))
        {
            var text = $"{FlagText} (ab {PlanningNames.Date(message.From)}).";
            step.Note("Hinweis", step.Flag?.Text ?? "–", text, Actor.Volunteers, now);
            step.Flag = new StepFlag(StepFlagKind.HelperSuspended, text, message.From, []);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
