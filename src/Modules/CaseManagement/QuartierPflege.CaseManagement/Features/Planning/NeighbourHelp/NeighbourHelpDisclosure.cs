using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using Wolverine.Marten;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

/// <summary>
/// Asks the Volunteers module for neighbour help. Needs the resident's consent to involve neighbours; the request carries
/// the address (helpers must find the flat) and the description the case manager wrote, no diagnoses.
/// </summary>
internal sealed class NeighbourHelpDisclosure(IDocumentSession session, IMartenOutbox outbox, IConsentGate consent, IClock clock)
{
    public async Task<Outcome<NeighbourHelpRequest>> PrepareAsync(Case @case, Guid stepId, NeighbourHelpInput input, CancellationToken cancellationToken)
    {
        if (input.StartsOn < @case.OpenedOn)
        {
            return Outcome<NeighbourHelpRequest>.Invalid("neighbourHelp.startsOn",
                $"Der Beginn darf nicht vor der Eröffnung des Falls ({GermanDates.Show(@case.OpenedOn)}) liegen.");
        }

        if (await MissingConsentAsync(@case, cancellationToken) is { } missing)
        {
            return Outcome<NeighbourHelpRequest>.Invalid("consent", $"Die Nachbarschaftshilfe wurde nicht angefragt: {missing}");
        }

        var request = new NeighbourHelpRequest
        {
            StepId = stepId,
            RoleProfileKey = input.RoleProfileKey!,
            Description = input.Description!.Trim(),
            HoursPerMonth = input.HoursPerMonth!.Value,
            PreferredTimes = string.IsNullOrWhiteSpace(input.PreferredTimes) ? null : input.PreferredTimes.Trim(),
            StartsOn = input.StartsOn!.Value,
        };
        var resident = await session.LoadAsync<Resident>(@case.ResidentId, cancellationToken)
                       ?? throw new InvalidOperationException($"Case {@case.Id} has no resident {@case.ResidentId}.");
        await outbox.PublishAsync(new NeighbourHelpRequested(
            Guid.NewGuid(),
            clock.GetCurrentInstant(),
            request.Id,
            @case.Id,
            resident.Id,
            @case.Quartier,
            new ResidentAddress(resident.Street, resident.HouseNumber, resident.Flat),
            request.RoleProfileKey,
            request.Description,
            request.HoursPerMonth,
            request.PreferredTimes,
            request.StartsOn));
        return Outcome<NeighbourHelpRequest>.Done(request);
    }

    public Task<string?> MissingConsentAsync(Case @case, CancellationToken cancellationToken)
        => consent.MissingConsentAsync(@case.ResidentId, ConsentPurpose.InvolveNeighbours, cancellationToken: cancellationToken);
}
