using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Quartiere.Contracts;

/// <summary>
/// At the door, a resident left contact details with explicit consent so that someone follows up (Case Management turns
/// it into a concern). The details travel only in this message: the survey's answers stay anonymous.
/// </summary>
public sealed record SurveyContactLeft(
    Guid MessageId,
    Instant OccurredAt,
    Guid SurveyId,
    Guid AnswerId,
    string SurveyTitle,
    string Quartier,
    string ContactName,
    string? ContactPhone,
    string? ContactAddress,
    string? Note,
    Guid RecordedByUserId,
    string RecordedByName) : IIntegrationMessage
{
    public static string MessageName => "quartiere.survey-contact-left.v1";
}
