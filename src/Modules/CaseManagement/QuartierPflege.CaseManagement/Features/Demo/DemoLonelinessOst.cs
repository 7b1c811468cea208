using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Planning;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>
/// Döbeln-Ost for the Quartier-Lagebild: ten residents with loneliness (Vereinsamung) whose cases were opened over the
/// last twelve months (one closed since), so the figure rises to nine open cases; two with rent arrears (a figure under
/// five). The full Wege-Hilfe-Plan demo is Döbeln-Nord's; here the four visited residents' plans hold only the running
/// visits (neighbour help with the Quartier's visiting neighbours, <see cref="DemoHelpers.VisitorsOst"/>; the Volunteers
/// module's demo data books the assignments under the same ids), and the first one's also the referral to the
/// Seniorentreff's association. Fixed ids (see <see cref="DemoLonelinessCases"/>): seeded once, a second run finds the
/// first case and changes nothing.
/// </summary>
internal sealed class DemoLonelinessOst(IDocumentSession session, IPartnerDirectory partners, IClock clock)
{
    /// <summary>The association the first visited resident is referred to (its Seniorentreff).</summary>
    private const string Association = "Seniorenbegegnung Döbeln-Ost e. V.";

    /// <summary>As the Volunteers module's demo assignments of Döbeln-Ost (visits for the role's limit).</summary>
    private const string VisitDescription = "Besuchsdienst: Gespräche, Spaziergänge, gemeinsam zum Seniorentreff.";

    private static readonly (string First, string Last, int MonthsAgo, int? ClosedMonthsAgo, ProblemKind Kind)[] People =
    [
        ("Gertrud", "Lehmann", 11, null, ProblemKind.Loneliness),
        ("Horst", "Winkler", 9, null, ProblemKind.Loneliness),
        ("Irmgard", "Bauer", 7, null, ProblemKind.Loneliness),
        ("Manfred", "Schreiber", 6, null, ProblemKind.Loneliness),
        ("Edith", "Sommer", 4, null, ProblemKind.Loneliness),
        ("Waltraud", "Kühn", 3, null, ProblemKind.Loneliness),
        ("Siegfried", "Brandt", 2, null, ProblemKind.Loneliness),
        ("Margot", "Pfeiffer", 1, null, ProblemKind.Loneliness),
        ("Liselotte", "Horn", 0, null, ProblemKind.Loneliness),
        ("Rudolf", "Graf", 10, 5, ProblemKind.Loneliness),
        ("Elfriede", "Martin", 5, null, ProblemKind.RentArrears),
        ("Lothar", "Keller", 2, null, ProblemKind.RentArrears),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Case>(DemoLonelinessCases.CaseIdOf(0), cancellationToken) is not null)
        {
            return;
        }

        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var association = (await partners.FindPartnersAsync(ServiceCategories.Verein, DemoLonelinessCases.Quartier, cancellationToken))
            .FirstOrDefault(p => p.Name == Association);
        var owner = DemoAccounts.Fallmanagement2;
        var deputy = DemoAccounts.Fallmanagement;
        for (var i = 0; i < People.Length; i++)
        {
            var (first, last, monthsAgo, closedMonthsAgo, kind) = People[i];
            // Within the month n months ago (this month: a few days ago at most), never in the future.
            var openedOn = LocalDate.Min(today, today.PlusMonths(-monthsAgo).With(DateAdjusters.StartOfMonth).PlusDays(1 + (i % 5)));
            var visited = i < DemoLonelinessCases.Visited.Count ? DemoLonelinessCases.Visited[i] : default;
            var resident = new Resident
            {
                Id = new Guid($"d3e0e100-0000-4000-8000-{i + 1:000000000000}"),
                FirstName = first,
                LastName = last,
                DateOfBirth = today.PlusYears(-(72 + (i * 2 % 19))).PlusDays(-(i * 37)),
                Street = visited.Street ?? "Straße des Friedens",
                HouseNumber = visited.HouseNumber ?? (40 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PostalCode = "04720",
                City = "Döbeln",
                Quartier = DemoLonelinessCases.Quartier,
                Languages = ["Deutsch"],
                CreatedAt = Berlin.StartOfDay(openedOn),
                CreatedBy = owner.Id,
            };
            LocalDate? closedOn = closedMonthsAgo is { } c ? today.PlusMonths(-c).With(DateAdjusters.StartOfMonth).PlusDays(10) : null;
            var @case = new Case
            {
                Id = DemoLonelinessCases.CaseIdOf(i),
                Number = await session.NextCaseNumberAsync(openedOn.Year, cancellationToken),
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                ResidentSearchName = resident.SearchName,
                CaseManagerId = owner.Id,
                CaseManagerName = owner.DisplayName,
                DeputyId = deputy.Id,
                DeputyName = deputy.DisplayName,
                Status = closedOn is null ? CaseStatus.InProgress : CaseStatus.Closed,
                OpenedOn = openedOn,
                ClosedOn = closedOn,
                ClosingReason = closedOn is null ? null : ClosingReason.MovedAway,
                LastContactOn = closedOn ?? LocalDate.Max(openedOn, today.PlusDays(-(i % 9))),
                Quartier = DemoLonelinessCases.Quartier,
                CreatedAt = Berlin.StartOfDay(openedOn),
            };
            session.Insert(resident);
            session.Insert(@case);
            session.Insert(new Consent
            {
                ResidentId = resident.Id, Purpose = ConsentPurpose.StoreData, GivenOn = openedOn, Form = ConsentForm.Written,
                RecordedBy = owner.Id, RecordedByName = owner.DisplayName, RecordedAt = Berlin.StartOfDay(openedOn),
            });
            var problemId = new Guid($"d3e0e200-0000-4000-8000-{i + 1:000000000000}");
            session.Insert(new ProblemSituation
            {
                Id = problemId,
                CaseId = @case.Id,
                Kind = kind,
                Description = kind == ProblemKind.Loneliness
                    ? "Lebt allein, kaum Kontakte seit dem Tod des Partners bzw. dem Wegzug der Familie; wünscht sich regelmäßigen Besuch."
                    : "Mietrückstand, Mahnungen der Genossenschaft.",
                CreatedAt = Berlin.StartOfDay(openedOn),
                Outcome = closedOn is null ? null : ProblemOutcome.NotPursued,
            });
            if (i < DemoLonelinessCases.Visited.Count)
            {
                AddVisits(@case, resident, problemId, i, owner, today, now);
                if (i == 0 && association is not null)
                {
                    AddReferral(@case, resident, problemId, association, owner, now);
                }
            }

            session.Insert(DemoCaseWork.SeedAuditEntry(@case, now, "Fall mit Problemlage und Einwilligungen"));
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The running visits, as the real use case and the Volunteers module's answers leave them: agreed to (consent to
    /// involve neighbours), asked for, the visiting neighbour chosen, the assignment started.
    /// </summary>
    private void AddVisits(Case @case, Resident resident, Guid problemId, int index, DemoAccount owner, LocalDate today, Instant now)
    {
        var visitor = DemoHelpers.VisitorsOst[index];
        // The Volunteers module's assignment starts on the first of the month 2 + index months ago.
        var startsOn = today.PlusMonths(-(2 + index)).With(DateAdjusters.StartOfMonth);
        var askedOn = LocalDate.Max(@case.OpenedOn, startsOn.PlusDays(-10));
        var me = new Actor(owner.Id, owner.DisplayName);
        session.Insert(new Consent
        {
            ResidentId = resident.Id, Purpose = ConsentPurpose.InvolveNeighbours, GivenOn = askedOn, Form = ConsentForm.Written,
            RecordedBy = owner.Id, RecordedByName = owner.DisplayName, RecordedAt = At(askedOn, 9, now),
        });
        var help = new NeighbourHelpRequest
        {
            Id = DemoHelpers.VisitRequestIdOf(index),
            StepId = new Guid($"d3e0e500-0000-4000-8000-{index + 1:000000000000}"),
            RoleProfileKey = "besuchsdienst",
            Description = VisitDescription,
            HoursPerMonth = 20,
            StartsOn = startsOn,
            Status = NeighbourHelpStatus.Started,
            Candidates =
            [
                new ProposedHelper(visitor.VolunteerId, visitor.DisplayName, DemoLonelinessCases.Quartier, ["Deutsch"], 20, [RoleProfiles.NameOf("besuchsdienst")],
                    $"Wohnt im selben Quartier ({DemoLonelinessCases.Quartier}); noch 20 Stunden in diesem Monat frei; spricht Deutsch"),
            ],
            ChosenVolunteerId = visitor.VolunteerId,
            ChosenVolunteerName = visitor.DisplayName,
            ChosenBy = owner.Id,
            ChosenAt = At(askedOn.PlusDays(2), 11, now),
            AssignmentId = DemoHelpers.VisitAssignmentIdOf(index),
        };
        var created = At(askedOn, 10, now);
        var step = new PlanStep
        {
            Id = help.StepId,
            CaseId = @case.Id,
            ProblemId = problemId,
            Kind = StepKind.NeighbourHelp,
            Title = "Regelmäßiger Besuch durch eine Nachbarin oder einen Nachbarn",
            Owner = owner.DisplayName,
            Status = StepStatus.Waiting,
            CreatedAt = created,
            NeighbourHelp = help,
            DueOn = today.PlusDays(14 + (7 * index)),
        };
        // The entries the real use case and handlers write (NeighbourHelpDisclosure, HelpersProposedHandler, ChooseHelper,
        // AssignmentStartedHandler).
        step.Note("Maßnahme", "–", $"angelegt ({PlanningNames.Of(step.Kind)}, {PlanningNames.Of(step.Status)})", me, created);
        step.Note("Nachbarschaftshilfe", "–", $"angefragt ({RoleProfiles.NameOf(help.RoleProfileKey)})", me, created);
        step.Note("Vorschläge", "–", "1 Vorschläge", Actor.Volunteers, created.Plus(Duration.FromMinutes(1)));
        step.Note("Helfer:in", "–", visitor.DisplayName, me, help.ChosenAt.Value);
        var started = help.ChosenAt.Value.Plus(Duration.FromMinutes(1));
        step.Note("Nachbarschaftshilfe", "Helfer:in gewählt", $"Einsatz begonnen am {GermanDates.Show(startsOn)} ({visitor.DisplayName})", Actor.Volunteers, started);
        step.ChangeStatus(StepStatus.InProgress, Actor.Volunteers, started);
        session.Insert(step);
    }

    /// <summary>A referral to the Seniorentreff's association, with the consent it needs; the association took her in.</summary>
    private void AddReferral(Case @case, Resident resident, Guid problemId, PartnerListing association, DemoAccount owner, Instant now)
    {
        var sentOn = @case.OpenedOn.PlusDays(14);
        var me = new Actor(owner.Id, owner.DisplayName);
        session.Insert(new Consent
        {
            ResidentId = resident.Id, Purpose = ConsentPurpose.ShareWithPartners, PartnerId = association.PartnerId, PartnerName = association.Name,
            GivenOn = sentOn, Form = ConsentForm.Written, RecordedBy = owner.Id, RecordedByName = owner.DisplayName, RecordedAt = At(sentOn, 8, now),
        });
        var stepId = new Guid("d3e0e600-0000-4000-8000-000000000001");
        var referral = new Referral
        {
            Id = new Guid("d3e0e700-0000-4000-8000-000000000001"),
            StepId = stepId,
            PartnerId = association.PartnerId,
            PartnerName = association.Name,
            ServiceCategory = ServiceCategories.Verein,
            DisclosedSummary = "Ältere Dame, lebt allein, möchte Anschluss an den Seniorentreff; kommt mit Begleitung gern zu den Nachmittagen.",
            ContactDetailsDisclosed = true,
            RespondBy = sentOn.PlusDays(7),
            SentAt = At(sentOn, 10, now),
            AnsweredAt = At(sentOn.PlusDays(2), 14, now),
            CompletedAt = At(sentOn.PlusDays(20), 15, now),
            ContactPerson = "Frau Hübner (Seniorentreff)",
        };
        var step = new PlanStep
        {
            Id = stepId,
            CaseId = @case.Id,
            ProblemId = problemId,
            Kind = StepKind.Referral,
            Title = "Anschluss an den Seniorentreff vermitteln",
            Owner = association.Name,
            Status = StepStatus.Waiting,
            CreatedAt = At(sentOn, 9, now),
            Referral = referral,
            DueOn = sentOn.PlusDays(21),
        };
        // As the partners' answers are written (history entries from "Netzwerkpartner (Nachricht)").
        step.Note("Maßnahme", "–", $"angelegt ({PlanningNames.Of(step.Kind)}, {PlanningNames.Of(step.Status)})", me, step.CreatedAt);
        step.Note("Vermittlung", "–", $"gesendet an {referral.PartnerName}", me, referral.SentAt);
        step.Change("Vermittlung", referral.Status, ReferralStatus.Accepted, PlanningNames.Of, Actor.Partner, referral.AnsweredAt.Value, s => referral.Status = s);
        step.ChangeStatus(StepStatus.InProgress, Actor.Partner, referral.AnsweredAt.Value);
        step.Change("Vermittlung", referral.Status, ReferralStatus.CompletedSuccessfully, PlanningNames.Of, Actor.Partner, referral.CompletedAt.Value, s => referral.Status = s);
        step.ChangeStatus(StepStatus.Done, Actor.Partner, referral.CompletedAt.Value);
        session.Insert(step);
    }

    /// <summary>That day at the hour (Berlin), never later than now.</summary>
    private static Instant At(LocalDate date, int hour, Instant now)
    {
        var at = Berlin.StartOfDay(date).Plus(Duration.FromHours(hour));
        return at > now ? now : at;
    }
}
