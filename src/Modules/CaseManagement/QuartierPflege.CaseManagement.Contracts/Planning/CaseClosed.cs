using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.CaseManagement.Contracts.Planning;

/// <summary>A case was closed with an outcome per problem; assignments and referrals of it can end.</summary>
public sealed record CaseClosed(Guid MessageId, Instant OccurredAt, Guid CaseId, LocalDate ClosedOn) : IIntegrationMessage
{
    public static string MessageName => "case-management.case-closed.v1";
}
