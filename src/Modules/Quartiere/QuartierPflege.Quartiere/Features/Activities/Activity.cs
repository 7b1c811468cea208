using FluentValidation;
using JasperFx;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Contracts.Cases;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Quartiere.Features.Activities;

/// <summary>A volunteer who offered to help with an activity (the name as they signed in, for coordination).</summary>
internal sealed record ActivityHelper(Guid VolunteerId, string Name, Instant Since);

/// <summary>A regular meeting place or activity (Begegnungsangebot) of a Quartier.</summary>
internal sealed class Activity : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Quartier { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Place { get; set; } = string.Empty;

    /// <summary>When, in words ("donnerstags 14–16 Uhr").</summary>
    public string When { get; set; } = string.Empty;

    public bool Accessible { get; set; }

    /// <summary>Per visit in euro; 0 is "kostenlos".</summary>
    public decimal Cost { get; set; }

    public List<ActivityHelper> Helpers { get; set; } = [];

    public int Version { get; set; }
}

internal sealed record SaveActivityRequest(string? Quartier, string? Title, string? Place, string? When, bool? Accessible, decimal? Cost, int? Version = null);

internal sealed class SaveActivityRequestValidator : AbstractValidator<SaveActivityRequest>
{
    public SaveActivityRequestValidator(IQuartierList quartiere)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Quartier).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("Bitte wählen Sie das Quartier.")
            .MustAsync(async (q, ct) => (await quartiere.FindAsync(q!, ct))?.Active == true).WithMessage("Bitte wählen Sie ein Quartier aus der Liste.");
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte geben Sie an, was angeboten wird.")
            .Must(t => t!.Trim().Length <= 200).WithMessage("Die Bezeichnung darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Place).Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Bitte geben Sie den Ort an.")
            .Must(p => p!.Trim().Length <= 200).WithMessage("Der Ort darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.When).Must(w => !string.IsNullOrWhiteSpace(w)).WithMessage("Bitte geben Sie an, wann (z. B. „donnerstags 14–16 Uhr“).")
            .Must(w => w!.Trim().Length <= 200).WithMessage("Die Zeitangabe darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Accessible).NotNull().WithMessage("Bitte geben Sie an, ob der Ort barrierefrei ist.");
        RuleFor(r => r.Cost).NotNull().WithMessage("Bitte geben Sie die Kosten an (0 für kostenlos).")
            .Must(c => c >= 0 && c <= 1000).WithMessage("Die Kosten liegen zwischen 0 und 1000 Euro.")
            .Must(c => decimal.Round(c!.Value, 2) == c).WithMessage("Bitte geben Sie die Kosten auf den Cent genau an.");
    }
}

/// <summary>
/// An activity as a person sees it; <paramref name="InOwnQuartier"/>: it lies in the volunteer's Quartier or in one of the
/// case manager's open cases (listed first).
/// </summary>
internal sealed record ActivityItem(
    Guid Id, string Quartier, string Title, string Place, string When, bool Accessible, decimal Cost, int HelperCount,
    bool IHelp, IReadOnlyList<string>? Helpers, int Version, bool InOwnQuartier);

/// <summary>
/// The activities a person sees, those of <paramref name="OwnQuartiere"/> first (a volunteer's Quartier, a case
/// manager's Quartiere of open cases; none for coordination), each part by Quartier and title.
/// </summary>
internal sealed record ActivityList(IReadOnlyList<string> OwnQuartiere, IReadOnlyList<ActivityItem> Items);

/// <summary>
/// Coordination keeps the activities; case managers and volunteers see them; a volunteer signs up to help or withdraws.
/// Who helps is shown to coordination only (others see how many).
/// </summary>
internal sealed class ActivityWork(
    IDocumentSession session, ICurrentUser user, IVolunteerDirectory volunteers, ICaseManagerQuartiere caseQuartiere, IClock clock,
    IValidator<SaveActivityRequest> validator)
{
    public const string NotFoundMessage = "Das Angebot wurde nicht gefunden.";

    public bool MaySee => user.IsInRole(Roles.Koordination) || user.IsInRole(Roles.Fallmanagement) || user.IsInRole(Roles.Ehrenamt);

    public bool IsCoordination => user.IsInRole(Roles.Koordination);

    public async Task<ActivityList?> ListAsync(string? quartier, CancellationToken cancellationToken)
    {
        if (!MaySee)
        {
            return null;
        }

        var me = user.IsInRole(Roles.Ehrenamt) ? await volunteers.VolunteerOfUserAsync(user.Id, cancellationToken) : null;
        IReadOnlyList<string> own = me is not null ? [me.Quartier]
            : user.IsInRole(Roles.Fallmanagement) && !IsCoordination ? await caseQuartiere.OfOpenCasesAsync(user.Id, cancellationToken)
            : [];
        var query = session.Query<Activity>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(quartier))
        {
            query = query.Where(a => a.Quartier == quartier);
        }

        var items = (await query.ToListAsync(cancellationToken))
            .OrderBy(a => own.Contains(a.Quartier) ? 0 : 1)
            .ThenBy(a => a.Quartier, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal)
            .Select(a => new ActivityItem(a.Id, a.Quartier, a.Title, a.Place, a.When, a.Accessible, a.Cost, a.Helpers.Count,
                me is not null && a.Helpers.Any(h => h.VolunteerId == me.VolunteerId),
                IsCoordination ? [.. a.Helpers.Select(h => h.Name)] : null, a.Version, own.Contains(a.Quartier)));
        return new ActivityList(own, [.. items]);
    }

    public async Task<Outcome<Guid>> CreateAsync(SaveActivityRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var activity = new Activity();
        Apply(activity, request);
        session.Insert(activity);
        return await session.SaveOrConflictAsync(activity.Id, cancellationToken);
    }

    public async Task<Outcome<int>> UpdateAsync(Guid id, SaveActivityRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<int>.Invalid("version", "Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
        }

        var activity = await session.LoadAsync<Activity>(id, cancellationToken);
        if (activity is null)
        {
            return Outcome<int>.NotFound(NotFoundMessage);
        }

        Apply(activity, request);
        session.UpdateRevision(activity, version + 1);
        return await session.SaveOrConflictAsync(version + 1, cancellationToken);
    }

    /// <summary>The signed-in volunteer helps (or no longer helps); twice the same changes nothing.</summary>
    public async Task<Outcome<bool>> HelpAsync(Guid id, bool help, CancellationToken cancellationToken)
    {
        var activity = await session.LoadAsync<Activity>(id, cancellationToken);
        if (activity is null || !MaySee)
        {
            return Outcome<bool>.NotFound(NotFoundMessage);
        }

        if (!user.IsInRole(Roles.Ehrenamt) || await volunteers.VolunteerIdOfUserAsync(user.Id, cancellationToken) is not { } volunteerId)
        {
            return Outcome<bool>.Invalid("volunteer", "Mithelfen können nur Ehrenamtliche mit eigenem Zugang.");
        }

        var helping = activity.Helpers.Any(h => h.VolunteerId == volunteerId);
        if (helping == help)
        {
            return Outcome<bool>.Done(help);
        }

        activity.Helpers = help
            ? [.. activity.Helpers, new ActivityHelper(volunteerId, user.DisplayName, clock.GetCurrentInstant())]
            : [.. activity.Helpers.Where(h => h.VolunteerId != volunteerId)];
        session.UpdateRevision(activity, activity.Version + 1);
        return await session.SaveOrConflictAsync(help, cancellationToken);
    }

    private static void Apply(Activity activity, SaveActivityRequest request)
    {
        activity.Quartier = request.Quartier!.Trim();
        activity.Title = request.Title!.Trim();
        activity.Place = request.Place!.Trim();
        activity.When = request.When!.Trim();
        activity.Accessible = request.Accessible!.Value;
        activity.Cost = request.Cost!.Value;
    }
}
