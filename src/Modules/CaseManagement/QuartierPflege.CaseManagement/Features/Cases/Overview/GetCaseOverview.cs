using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases.FollowUps;
using QuartierPflege.CaseManagement.Features.Cases.Journal;

namespace QuartierPflege.CaseManagement.Features.Cases.Overview;

internal sealed record CaseOverview(
    Guid Id,
    string Number,
    CaseStatus Status,
    string StatusText,
    IReadOnlyList<CaseStatus> PossibleStatuses,
    LocalDate OpenedOn,
    LocalDate? ClosedOn,
    LocalDate LastContactOn,
    int DaysWithoutContact,
    bool NoContactAlert,
    int NoContactDays,
    ResidentSummary Resident,
    PersonRef CaseManager,
    PersonRef? Deputy,
    bool ViewerIsOnlyDeputy,
    FollowUpSummary FollowUps,
    JournalSummary Journal,
    IReadOnlyList<CaseConcern> Concerns,
    int Version,
    LegalHold? LegalHold = null,
    IReadOnlyList<CaseEmergencyDisclosure>? EmergencyDisclosures = null);

/// <summary>A referral of this case that went out without the sharing consent (Notfall).</summary>
internal sealed record CaseEmergencyDisclosure(Guid ReferralId, string PartnerName, string Reason, string By, Instant At);

internal sealed record ResidentSummary(
    Guid Id,
    string FirstName,
    string LastName,
    string DisplayName,
    int Age,
    string Address,
    string Quartier,
    string? Phone,
    CareLevel CareLevel,
    IReadOnlyList<string> Languages);

internal sealed record PersonRef(Guid Id, string Name);

internal sealed record FollowUpSummary(int OpenCount, int OverdueCount, IReadOnlyList<FollowUpItem> Next);

internal sealed record JournalSummary(int Count, LocalDate? LastContactNoteOn, IReadOnlyList<JournalItem> Latest);

/// <summary>The case's first page: who, where, status, contact, and what is coming up. Reading it is audited.</summary>
internal sealed class GetCaseOverview(
    IQuerySession session,
    CaseAccess access,
    AuditTrail audit,
    IClock clock,
    IOptions<CaseWorkOptions> options)
{
    private const int ShownItems = 3;

    public async Task<Outcome<CaseOverview>> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await access.FindWithResidentAsync(caseId, cancellationToken) is not var (@case, resident))
        {
            return Outcome<CaseOverview>.NotFound("Der Fall wurde nicht gefunden.");
        }

        var today = clock.Today();
        var onlyDeputy = access.IsOnlyDeputy(@case);
        var openFollowUps = (await session.Query<FollowUp>()
                .Where(f => f.CaseId == caseId && f.DoneAt == null)
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.DueOn).ThenBy(f => f.CreatedAt)
            .ToList();
        // One case's journal is small: read the visible notes once and count and pick from them.
        var notes = await JournalQueries.VisibleNotes(session, caseId, onlyDeputy).ToListAsync(cancellationToken);
        var noteCount = notes.Count;
        var latestNotes = notes.OrderByDescending(n => n.WrittenAt).Take(ShownItems).ToList();
        var lastContactNote = notes.Where(n => n.ContactOn != null).Max(n => n.ContactOn);

        // A case has few steps: read them and keep the overrides, which must stay visible on the case's first page.
        var emergencies = (await session.Query<PlanStep>().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken))
            .Where(s => s.Referral?.Emergency is not null)
            .Select(s => new CaseEmergencyDisclosure(s.Referral!.Id, s.Referral.PartnerName, s.Referral.Emergency!.Reason, s.Referral.Emergency.ByName, s.Referral.Emergency.At))
            .OrderBy(e => e.At)
            .ToList();

        await audit.SaveReadAsync("Case", @case.Id, $"Fall {@case.Number} angesehen (Überblick)", resident.Id, @case.Id, cancellationToken);

        var noContactDays = options.Value.NoContactDays;
        return Outcome<CaseOverview>.Done(new CaseOverview(
            @case.Id,
            @case.Number,
            @case.Status,
            CaseWork.Describe(@case.Status),
            @case.IsClosed ? [] : [.. CaseWork.WorkingStatuses.Where(s => s != @case.Status)],
            @case.OpenedOn,
            @case.ClosedOn,
            @case.LastContactOn,
            @case.DaysWithoutContact(today),
            @case.HasNoContactAlert(today, noContactDays),
            noContactDays,
            new ResidentSummary(
                resident.Id,
                resident.FirstName,
                resident.LastName,
                resident.DisplayName,
                Period.Between(resident.DateOfBirth, today, PeriodUnits.Years).Years,
                resident.Address,
                resident.Quartier,
                resident.Phone,
                resident.CareLevel,
                resident.Languages),
            new PersonRef(@case.CaseManagerId, @case.CaseManagerName),
            @case.DeputyId is { } deputyId ? new PersonRef(deputyId, @case.DeputyName ?? string.Empty) : null,
            onlyDeputy,
            new FollowUpSummary(
                openFollowUps.Count,
                openFollowUps.Count(f => f.IsOverdueOn(today)),
                [.. openFollowUps.Take(ShownItems).Select(f => FollowUpItem.From(f, today))]),
            new JournalSummary(noteCount, lastContactNote, [.. latestNotes.Select(n => JournalItem.From(n, access.IsOnlyCoordination(@case)))]),
            await CaseConcerns.OfCaseAsync(session, caseId, cancellationToken),
            @case.Version,
            @case.LegalHold,
            emergencies));
    }
}
