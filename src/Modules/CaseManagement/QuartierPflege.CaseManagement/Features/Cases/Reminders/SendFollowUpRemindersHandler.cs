using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Reminders;

/// <summary>
/// The daily digest: one <see cref="FollowUpsDue"/> per case manager with the open follow-ups due on or before the date.
/// Each (date, case manager) digest is remembered in the same transaction as its event, so the same date sent again (a
/// job fired twice, a replay) sends nothing new; a case manager who had nothing due yet gets a digest when something is.
/// </summary>
internal sealed partial class SendFollowUpRemindersHandler(
    CaseManagementDbContext db,
    IStaffDirectory staff,
    ILogger<SendFollowUpRemindersHandler> logger) : IMessageHandler<SendFollowUpReminders>
{
    public async Task HandleAsync(SendFollowUpReminders message, CancellationToken cancellationToken)
    {
        var date = message.Date;
        var alreadySent = await db.FollowUpDigests().Where(d => d.OnDate == date).Select(d => d.CaseManagerId).ToListAsync(cancellationToken);
        var due = await (from f in db.FollowUps()
                         join c in db.Cases on f.CaseId equals c.Id
                         where f.DoneAt == null && f.DueOn <= date && c.Status != CaseStatus.Closed && !alreadySent.Contains(c.CaseManagerId)
                         orderby f.DueOn, c.Number
                         select new { c.CaseManagerId, c.CaseManagerName, CaseId = c.Id, c.Number, c.Resident!.FirstName, c.Resident.LastName, f.Title, f.DueOn })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var managers = await staff.FindAsync([.. due.Select(d => d.CaseManagerId).Distinct()], cancellationToken);
        var now = db.Clock.GetCurrentInstant();
        foreach (var digest in due.GroupBy(d => d.CaseManagerId))
        {
            if (!managers.TryGetValue(digest.Key, out var manager) || string.IsNullOrEmpty(manager.Email) || !manager.Active)
            {
                // Nobody to write to: the cases need a new case manager, which coordination sees on the dashboard.
                LogNoAddress(logger, digest.Key, digest.Count(), date.ToString());
                continue;
            }

            var items = digest.Select(d => new DueFollowUp(d.CaseId, d.Number, $"{d.FirstName} {d.LastName}", d.Title, d.DueOn)).ToList();
            db.Publish(new FollowUpsDue(Guid.NewGuid(), default, manager.Id, manager.Email, manager.DisplayName, date, items));
            db.FollowUpDigests().Add(new FollowUpDigest { OnDate = date, CaseManagerId = manager.Id, ItemCount = items.Count, SentAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No follow-up digest for case manager {CaseManagerId} ({Count} due on {Date}): account unknown, inactive or without e-mail")]
    private static partial void LogNoAddress(ILogger logger, Guid caseManagerId, int count, string date);
}
