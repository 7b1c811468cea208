using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.DataProtection.Contracts;

/// <summary>
/// Command (Art. 17): each module erases what it holds about <paramref name="Subject"/> where no retention duty applies,
/// restricts processing of the rest, and answers with <see cref="DataSubjectErased"/>. Idempotent per request.
/// </summary>
public sealed record EraseDataSubject(Guid MessageId, Instant OccurredAt, Guid RequestId, DataSubject Subject, LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "data-protection.erase-data-subject.v1";
}

/// <summary>
/// One line of a module's confirmation: how many records of a kind were erased, how many are kept but restricted (no
/// longer shown or processed except for the legal duty) and until when, with a German note ("§147 AO").
/// </summary>
public sealed record ErasureLine(string KindKey, int Erased, int Restricted, LocalDate? RestrictedUntil, string? Note);

/// <summary>A module's confirmation of an erasure (<paramref name="Module"/> as in <see cref="IPersonalDataRegister.Module"/>).</summary>
public sealed record DataSubjectErased(Guid MessageId, Instant OccurredAt, Guid RequestId, string Module, IReadOnlyList<ErasureLine> Lines) : IIntegrationMessage
{
    public static string MessageName => "data-protection.data-subject-erased.v1";
}

/// <summary>
/// Command to the data-protection module: start an erasure without coordination asking for it (a resident withdrew
/// "Daten speichern" after their case closed). The module runs it like one coordination started, and records why.
/// </summary>
public sealed record ErasureRequested(Guid MessageId, Instant OccurredAt, DataSubjectKind Kind, Guid SubjectId, string Reason) : IIntegrationMessage
{
    public static string MessageName => "data-protection.erasure-requested.v1";
}
