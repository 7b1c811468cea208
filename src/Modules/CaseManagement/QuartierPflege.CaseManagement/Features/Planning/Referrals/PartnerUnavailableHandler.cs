using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// A partner was paused or ended: every open referral to it is flagged on its case with the alternatives for the same
/// service category (in the case's Quartier when there are any there). Flagging twice changes nothing.
/// </summary>
public static class PartnerUnavailableHandler
{
    public static async Task HandleAsync(PartnerUnavailable message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var open = (await session.Query<PlanStep>().Where(s => s.ReferralPartnerId == message.PartnerId).ToListAsync(cancellationToken))
            .Where(s => s.IsOpen && s.Referral!.IsOpen)
            .ToList();
        if (open.Count == 0)
        {
            return;
        }

        var caseIds = open.Select(s => s.CaseId).Distinct().ToArray();
        var quartiers = (await session.LoadManyAsync<Case>(cancellationToken, caseIds)).ToDictionary(c => c.Id, c => c.Quartier);
        var now = clock.GetCurrentInstant();
        foreach (var step in open)
        {
            var referral = step.Referral!;
            var quartier = quartiers.GetValueOrDefault(step.CaseId);
            var sameCategory = message.Alternatives.Where(a => a.ServiceCategory == referral.ServiceCategory).ToList();
            var nearby = sameCategory.Where(a => a.Quartier == quartier).ToList();
            var alternatives = (nearby.Count > 0 ? nearby : sameCategory)
                .SelectMany(a => a.PartnerIds).Where(id => id != message.PartnerId).Distinct().ToList();
            var state = message.Status == PartnerStatus.Ended ? "beendet die Zusammenarbeit" : "pausiert";
            var text = $"{referral.PartnerName} {state} ab {GermanDates.Show(message.From)} – bitte einen anderen Netzwerkpartner wählen."
                       + (alternatives.Count == 0 ? " Derzeit ist keine Alternative im Verzeichnis." : string.Empty);
            var flag = new StepFlag(StepFlagKind.PartnerUnavailable, text, message.From, alternatives);
            if (step.Flag is { } existing && existing.Kind == flag.Kind && existing.Text == flag.Text && existing.AlternativePartnerIds.SequenceEqual(alternatives))
            {
                continue;
            }

            step.Note("Hinweis", step.Flag?.Text ?? "–", text, Actor.Partner, now);
            step.Flag = flag;
            session.UpdateRevision(step, step.Version + 1L);
        }
    }
}
