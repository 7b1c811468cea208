using Marten;
using Microsoft.Extensions.Logging;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;
using Wolverine;

namespace QuartierPflege.CaseManagement.Features.Cases.Reminders;

/// <summary>
/// The daily digest: one <see cref="FollowUpsDue"/> per case manager with the open follow-ups due on or before the date.
/// Each (date, case manager) digest is remembered as a document in the same transaction as its outgoing message, so the
/// same date sent again (a job fired twice, a replay) sends nothing new; a case manager who had nothing due yet gets a
/// digest when something is. Two runs at once: the second insert of the same digest id fails, Wolverine retries it, and
/// the retry finds the digest sent.
/// </summary>
public static class SendFollowUpRemindersHandler
{
    public static async Task<OutgoingMessages> HandleAsync(
        SendFollowUpReminders message,
        IDocumentSession session,
        IStaffDirectory staff,
        IClock clock,
        ILogger<SendFollowUpReminders> logger,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var date = message.Date;
        var alreadySent = (await session.Query<FollowUpDigest>().Where(d => d.OnDate == date).ToListAsync(cancellationToken))
            .Select(d => d.CaseManagerId).ToArray();
        var due = await session.AdvancedSql.QueryAsync<DueRow>($"""
            SELECT jsonb_build_object('CaseManagerId', c.case_manager_id, 'CaseId', c.id, 'Number', c.number,
                'ResidentName', c.data ->> 'ResidentName', 'Title', f.data ->> 'Title', 'DueOn', f.due_on)
            FROM {CaseManagementDocuments.FollowUps} f JOIN {CaseManagementDocuments.Cases} c ON c.id = f.case_id
            WHERE f.done_at IS NULL AND f.due_on <= ? AND c.status <> 'Closed' AND NOT (c.case_manager_id = ANY(?))
            ORDER BY f.due_on, c.number
            """, cancellationToken, date, alreadySent);
        if (due.Count == 0)
        {
            return outgoing;
        }

        var managers = await staff.FindAsync([.. due.Select(d => d.CaseManagerId).Distinct()], cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var digest in due.GroupBy(d => d.CaseManagerId))
        {
            if (!managers.TryGetValue(digest.Key, out var manager) || string.IsNullOrEmpty(manager.Email) || !manager.Active)
            {
                // Nobody to write to: the cases need a new case manager, which coordination sees on the dashboard.
                ReminderLog.NoAddress(logger, digest.Key, digest.Count(), date.ToString());
                continue;
            }

            var items = digest.Select(d => new DueFollowUp(d.CaseId, d.Number, d.ResidentName, d.Title, d.DueOn)).ToList();
            outgoing.Add(new FollowUpsDue(Guid.NewGuid(), now, manager.Id, manager.Email, manager.DisplayName, date, items));
            session.Insert(new FollowUpDigest
            {
                Id = FollowUpDigest.IdOf(date, manager.Id),
                OnDate = date,
                CaseManagerId = manager.Id,
                ItemCount = items.Count,
                SentAt = now,
            });
        }

        return outgoing;
    }
}

internal sealed record DueRow(Guid CaseManagerId, Guid CaseId, string Number, string ResidentName, string Title, LocalDate DueOn);

internal static partial class ReminderLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No follow-up digest for case manager {CaseManagerId} ({Count} due on {Date}): account unknown, inactive or without e-mail")]
    public static partial void NoAddress(ILogger logger, Guid caseManagerId, int count, string date);
}
