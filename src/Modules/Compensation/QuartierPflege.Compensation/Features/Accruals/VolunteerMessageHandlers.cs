using Marten;
using QuartierPflege.Compensation.Domain;
using Accrual = QuartierPflege.Compensation.Domain.Accrual;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Compensation.Features.Accruals;

/// <summary>A confirmed volunteer becomes a payee; a repeated registration updates name, address and Quartier.</summary>
public static class VolunteerRegisteredHandler
{
    public static async Task HandleAsync(VolunteerRegistered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payee = await session.LoadAsync<Payee>(message.VolunteerId, cancellationToken);
        if (payee is null)
        {
            session.Insert(new Payee { Id = message.VolunteerId, DisplayName = message.DisplayName, Email = message.Email, Quartier = message.Quartier });
            return;
        }

        payee.DisplayName = message.DisplayName;
        payee.Email = message.Email;
        payee.Quartier = message.Quartier;
        session.UpdateRevision(payee, payee.Version + 1);
    }
}

/// <summary>Remembers which model an assignment is paid by.</summary>
public static class AssignmentStartedHandler
{
    public static void Handle(AssignmentStarted message, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(message);
        session.Store(new AssignmentModel
        {
            Id = message.AssignmentId, VolunteerId = message.VolunteerId, ModelKey = message.CompensationModelKey, StartsOn = message.StartsOn,
        });
    }
}

public static class AssignmentEndedHandler
{
    public static async Task HandleAsync(AssignmentEnded message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await session.LoadAsync<AssignmentModel>(message.AssignmentId, cancellationToken) is { } assignment)
        {
            assignment.EndedOn = message.EndedOn;
            session.Store(assignment);
        }
    }
}

/// <summary>Remembers which model a volunteer's role is paid by (activities without an assignment).</summary>
public static class EnrolmentActivatedHandler
{
    public static void Handle(EnrolmentActivated message, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(message);
        session.Store(new EnrolmentModel
        {
            Id = EnrolmentModel.IdOf(message.VolunteerId, message.RoleProfileKey), VolunteerId = message.VolunteerId,
            RoleProfileKey = message.RoleProfileKey, ModelKey = message.CompensationModelKey, From = message.From,
        });
    }
}

/// <summary>
/// A lapsed role is recorded; activities already confirmed stay payable (the coordinator confirmed them), which is why
/// nothing else changes here.
/// </summary>
public static class EnrolmentSuspendedHandler
{
    public static async Task HandleAsync(EnrolmentSuspended message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await session.LoadAsync<EnrolmentModel>(EnrolmentModel.IdOf(message.VolunteerId, message.RoleProfileKey), cancellationToken) is { } enrolment)
        {
            enrolment.SuspendedFrom = message.From;
            session.Store(enrolment);
        }
    }
}

/// <summary>A confirmed activity accrues for its month; the activity's id makes a repeated delivery change nothing.</summary>
public static class ActivityConfirmedHandler
{
    public static async Task HandleAsync(ActivityConfirmed message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await session.LoadAsync<Accrual>(message.ActivityId, cancellationToken) is not null)
        {
            return;
        }

        session.Insert(new Accrual
        {
            Id = message.ActivityId,
            VolunteerId = message.VolunteerId,
            AssignmentId = message.AssignmentId,
            RoleProfileKey = message.RoleProfileKey,
            Date = message.Date,
            MonthKey = Accrual.KeyOf(message.Date.ToYearMonth()),
            Minutes = message.Minutes,
            Kilometres = message.Kilometres,
        });
    }
}

/// <summary>
/// A correction replaces the activity's figures (the latest correction wins; applying it twice is the same). If its
/// month was already in a run, the next run's adjustment lines settle the difference.
/// </summary>
public static class ActivityCorrectedHandler
{
    public static async Task HandleAsync(ActivityCorrected message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var accrual = await session.LoadAsync<Accrual>(message.ActivityId, cancellationToken);
        if (accrual is null)
        {
            // A correction of an activity never confirmed here: nothing was or will be paid for it.
            return;
        }

        accrual.Date = message.Date;
        accrual.MonthKey = Accrual.KeyOf(message.Date.ToYearMonth());
        accrual.Minutes = message.Cancelled ? 0 : message.Minutes;
        accrual.Kilometres = message.Cancelled ? 0m : message.Kilometres;
        accrual.Cancelled = message.Cancelled;
        accrual.Corrected = true;
        session.Store(accrual);
    }
}
