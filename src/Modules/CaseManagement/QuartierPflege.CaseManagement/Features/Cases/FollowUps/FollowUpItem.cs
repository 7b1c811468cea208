using NodaTime;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.FollowUps;

internal sealed record FollowUpItem(
    Guid Id,
    LocalDate DueOn,
    string Title,
    string? Note,
    bool Overdue,
    bool Done,
    Instant? DoneAt,
    string? DoneByName,
    Instant CreatedAt,
    string CreatedByName)
{
    public static FollowUpItem From(FollowUp f, LocalDate today)
        => new(f.Id, f.DueOn, f.Title, f.Note, f.IsOverdueOn(today), f.IsDone, f.DoneAt, f.DoneByName, f.CreatedAt, f.CreatedByName);
}
