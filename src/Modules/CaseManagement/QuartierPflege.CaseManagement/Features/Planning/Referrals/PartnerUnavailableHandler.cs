using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// A partner was paused or ended: every open referral to it is flagged on its case with the alternatives for the same
/// service category (in the case's Quartier when there are any there).
/// </summary>
internal sealed class PartnerUnavailableHandler(CaseManagementDbContext db, IClock clock) : IMessageHandler<PartnerUnavailable>
{
    public async Task HandleAsync(PartnerUnavailable message, CancellationToken cancellationToken)
    {
        var open = await db.StepsWithDetails()
            .Where(s => s.Referral!.PartnerId == message.PartnerId
                        && (s.Referral.Status == ReferralStatus.Sent || s.Referral.Status == ReferralStatus.Accepted)
                        && s.Status != StepStatus.Done && s.Status != StepStatus.Cancelled)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new { Step = s, c.Quartier })
            .ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var (step, quartier) in open.Select(o => (o.Step, o.Quartier)))
        {
            var referral = step.Referral!;
            var sameCategory = message.Alternatives.Where(a => a.ServiceCategory == referral.ServiceCategory).ToList();
            var nearby = sameCategory.Where(a => a.Quartier == quartier).ToList();
            var alternatives = (nearby.Count > 0 ? nearby : sameCategory)
                .SelectMany(a => a.PartnerIds).Where(id => id != message.PartnerId).Distinct().ToList();
            var state = message.Status == PartnerStatus.Ended ? "beendet die Zusammenarbeit" : "pausiert";
            var text = $"{referral.PartnerName} {state} ab {PlanningNames.Date(message.From)} – bitte einen anderen Netzwerkpartner wählen."
                       + (alternatives.Count == 0 ? " Derzeit ist keine Alternative im Verzeichnis." : string.Empty);
            var flag = new StepFlag(StepFlagKind.PartnerUnavailable, text, message.From, alternatives);
            if (step.Flag is { } existing && existing.Kind == flag.Kind && existing.Text == flag.Text && existing.AlternativePartnerIds.SequenceEqual(alternatives))
            {
                continue;
            }

            step.Note("Hinweis", step.Flag?.Text ?? "–", text, Actor.Partner, now);
            step.Flag = flag;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
