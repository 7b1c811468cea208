using System.Globalization;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Planning;
using Marten;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>
/// The work on one demo case, consistent with its state: home visits with the checklist, the Wege-Hilfe-Plan (problems,
/// steps, referrals, neighbour help), follow-ups and the journal. Every date lies between the opening and today (or the
/// closing); the contact notes end on the case's last contact.
/// <para>
/// A snapshot, not a replay: referrals and neighbour help are written in the state they have reached, and no message is
/// published (a <c>ReferralRequested</c> from here would reach the partners' handlers and create referrals there, a
/// <c>NeighbourHelpRequested</c> the volunteers'). The step history is written with the same entries the real handlers
/// write, so the plan reads as if the work had happened.
/// </para>
/// </summary>
/// <remarks><paramref name="consents"/> are the seed run's consents (stored by <see cref="DemoCaseData"/> with the rest): referrals and
/// neighbour help look at them and add the sharing consents they need.</remarks>
internal sealed class DemoCaseWork(IDocumentSession session, List<Consent> consents, IPartnerDirectory partners, Random random, LocalDate today, Instant now)
{
    private static readonly ReferralStatus[] InProgressReferrals =
    [
        ReferralStatus.Accepted, ReferralStatus.CompletedSuccessfully, ReferralStatus.Sent, ReferralStatus.Declined,
        ReferralStatus.Accepted, ReferralStatus.CompletedUnsuccessfully, ReferralStatus.Sent, ReferralStatus.CompletedSuccessfully,
    ];

    private static readonly ReferralStatus[] DormantReferrals = [ReferralStatus.CompletedSuccessfully, ReferralStatus.Accepted];

    private static readonly StepStatus[] OpenInternalSteps = [StepStatus.InProgress, StepStatus.Planned, StepStatus.Planned, StepStatus.Cancelled];

    private static readonly ProblemOutcome[] ClosedOutcomes =
    [
        ProblemOutcome.Resolved, ProblemOutcome.Improved, ProblemOutcome.Resolved, ProblemOutcome.Unchanged,
        ProblemOutcome.Resolved, ProblemOutcome.Improved, ProblemOutcome.NotPursued, ProblemOutcome.Resolved,
    ];

    private static readonly Dictionary<string, string> ContactPersons = new(StringComparer.Ordinal)
    {
        [ServiceCategories.Pflegedienst] = "Schwester Katja Brandt (Pflegedienstleitung)",
        [ServiceCategories.Hausarzt] = "Frau Engel (Praxisteam)",
        [ServiceCategories.Haushaltshilfe] = "Frau Arnold",
        [ServiceCategories.Schuldnerberatung] = "Herr Lorenz",
        [ServiceCategories.Pflegestuetzpunkt] = "Frau Seifert (Pflegeberatung)",
        [ServiceCategories.Beratungsstelle] = "Herr Kühn",
        [ServiceCategories.Wohnungsgenossenschaft] = "Frau Thiele (Mieterbetreuung)",
        [ServiceCategories.Sozialamt] = "Frau Scholz",
    };

    private readonly Dictionary<string, IReadOnlyList<PartnerListing>> _partners = new(StringComparer.Ordinal);
    private int _referrals;
    private int _openSteps;
    private int _helpSteps;
    private int _running;
    private readonly Dictionary<Guid, int> _plannedHours = [];
    private int _outcomes;

    public async Task AddAsync(Case @case, Resident resident, int index, DemoAccount owner, CancellationToken cancellationToken)
    {
        var name = Salutation(resident);
        var problems = DemoPlans.ByCase[index];
        var end = @case.ClosedOn ?? today;
        var contacts = new List<LocalDate> { @case.OpenedOn };
        Note(@case, owner, Fill(DemoPlans.OpenIntakes[index % DemoPlans.OpenIntakes.Length], name), @case.OpenedOn, 15, contact: true);

        if (@case.Status == CaseStatus.Open)
        {
            AddFirstVisitFollowUp(@case, owner, index);
            AddLastContact(@case, owner, name, index, contacts);
            AddAuditEntry(@case);
            return;
        }

        // Home visits: the first one a week or so after the opening, a follow-up visit on the last contact of long cases.
        var first = Clamp(@case.OpenedOn.PlusDays(random.Next(4, 12)), @case.OpenedOn, @case.LastContactOn);
        var firstVisit = AddVisit(@case, owner, resident, name, problems, first, followUp: false);
        contacts.Add(first);
        if (index % 2 == 0 && Days(first, @case.LastContactOn) >= 60)
        {
            AddVisit(@case, owner, resident, name, problems, @case.LastContactOn, followUp: true);
            contacts.Add(@case.LastContactOn);
        }

        // The plan is agreed a few days after the first visit.
        var planDay = Clamp(first.PlusDays(random.Next(1, 4)), @case.OpenedOn, end);
        var outcomes = new List<(ProblemSituation Problem, ProblemOutcome Outcome)>();
        // Every other case in progress has one step overdue (the dashboard's follow-ups are the other overdue items).
        var overdueLeft = @case.Status == CaseStatus.InProgress && index % 2 == 1;
        foreach (var (template, number) in problems.Select((p, n) => (p, n)))
        {
            var problem = new ProblemSituation
            {
                CaseId = @case.Id,
                Kind = template.Kind,
                OtherText = template.Kind == ProblemKind.Other ? template.OtherText : null,
                Description = Fill(template.Description, name),
                Alternatives = [.. template.Alternatives],
                ChosenAlternative = template.Chosen >= 0 ? template.Alternatives[template.Chosen] : null,
                ChoiceReason = template.Chosen >= 0 ? Fill(template.Reason!, name) : null,
                // Taken over from the checklist finding (so "Befunde übernehmen" does not offer it again).
                SourceHomeVisitId = template.Domain is null ? null : firstVisit.Id,
                SourceDomain = template.Domain,
                CreatedAt = At(planDay, 11 + number),
            };
            ProblemOutcome? outcome = null;
            if (@case.IsClosed)
            {
                outcome = ClosedOutcomes[_outcomes++ % ClosedOutcomes.Length];
                problem.Outcome = outcome;
                problem.OutcomeNote = Fill(OutcomeNote(template, outcome.Value), name);
                outcomes.Add((problem, outcome.Value));
            }

            session.Insert(problem);
            var stepDay = planDay;
            foreach (var (stepTemplate, position) in template.Steps.Select((s, n) => (s, n)))
            {
                var added = await AddStepAsync(@case, resident, owner, problem, stepTemplate, position, stepDay, end, outcome, overdueLeft, cancellationToken);
                overdueLeft &= !added.Overdue;
                stepDay = Min(end, stepDay.PlusDays(random.Next(1, 4)));
            }

            if (template.Chosen >= 0)
            {
                AddProblemFollowUps(@case, owner, template, number, index, planDay, end);
            }
        }

        if (problems.Length > 0)
        {
            var agreed = problems.Where(p => p.Chosen >= 0).Select(p => $"{Title(p)}: {p.Alternatives[p.Chosen]}").ToList();
            var open = problems.Where(p => p.Chosen < 0).Select(Title).ToList();
            Note(@case, owner, $"Wege-Hilfe-Plan mit {name} besprochen. Vereinbart – {string.Join("; ", agreed)}."
                + (open.Count > 0 ? $" Noch offen (Wege besprochen, Entscheidung folgt): {string.Join(", ", open)}." : string.Empty), planDay, 16);
        }

        var middle = @case.OpenedOn.PlusDays(Days(@case.OpenedOn, @case.LastContactOn) / 2);
        if (middle > first && middle < @case.LastContactOn)
        {
            Note(@case, owner, Fill(DemoPlans.Contacts[index % DemoPlans.Contacts.Length], name), middle, 10, contact: true);
            contacts.Add(middle);
        }

        AddConfidentialNote(@case, owner, name, index, planDay);
        AddLastContact(@case, owner, name, index, contacts);

        if (@case.Status == CaseStatus.Dormant)
        {
            Note(@case, owner, $"Fall ruhend gestellt: die vereinbarten Hilfen laufen, {name} braucht derzeit nichts Weiteres. "
                + "Eine Wiedervorlage zur Überprüfung ist angelegt.", @case.LastContactOn, 18);
            AddFollowUp(@case, owner, $"Ruhenden Fall überprüfen: Anruf bei {name}", today.PlusDays(random.Next(20, 60)), done: null,
                "Fragen, ob die Hilfen noch passen; bei neuem Bedarf Fall wieder aufnehmen.");
        }

        if (@case.ClosedOn is { } closedOn)
        {
            Note(@case, owner, $"Fall abgeschlossen. {string.Join(" ", outcomes.Select(o => $"{o.Problem.Title}: {PlanningNames.Of(o.Outcome)}."))} "
                + $"{name} weiß, dass das Quartiersbüro bei neuem Bedarf jederzeit ansprechbar ist.", closedOn, 17);
        }

        AddAuditEntry(@case);
    }

    private async Task<(PlanStep? Step, bool Overdue)> AddStepAsync(
        Case @case,
        Resident resident,
        DemoAccount owner,
        ProblemSituation problem,
        DemoStep template,
        int position,
        LocalDate createdOn,
        LocalDate end,
        ProblemOutcome? outcome,
        bool overdueWanted,
        CancellationToken cancellationToken)
    {
        var me = new Actor(owner.Id, owner.DisplayName);
        var id = Guid.CreateVersion7();
        Referral? referral = null;
        NeighbourHelpRequest? help = null;
        var status = template.Kind == StepKind.InternalAction ? StepStatus.Planned : StepStatus.Waiting;
        var referralStatus = ReferralStatus.Sent;
        var partnerName = string.Empty;

        if (template.Kind == StepKind.Referral)
        {
            referralStatus = @case.Status switch
            {
                CaseStatus.InProgress => InProgressReferrals[_referrals % InProgressReferrals.Length],
                CaseStatus.Dormant => DormantReferrals[_referrals % DormantReferrals.Length],
                _ => outcome switch
                {
                    ProblemOutcome.Resolved => ReferralStatus.CompletedSuccessfully,
                    ProblemOutcome.Improved => position <= 1 ? ReferralStatus.CompletedSuccessfully : ReferralStatus.Declined,
                    ProblemOutcome.Unchanged => ReferralStatus.CompletedUnsuccessfully,
                    _ => ReferralStatus.Withdrawn,
                },
            };
            var partner = await PartnerAsync(template.Category!, cancellationToken);
            if (partner is null)
            {
                return (null, false);
            }

            _referrals++;
            partnerName = partner.Name;
            // A request just sent is recent; everything else was sent when the step was planned.
            if (referralStatus == ReferralStatus.Sent)
            {
                createdOn = Max(createdOn, today.PlusDays(-random.Next(1, 5)));
            }

            EnsureSharingConsent(resident, owner, partner, template.Category!, createdOn);
            referral = new Referral
            {
                StepId = id,
                PartnerId = partner.PartnerId,
                PartnerName = partner.Name,
                ServiceCategory = template.Category!,
                DisclosedSummary = template.Summary!,
                ContactDetailsDisclosed = true,
                RespondBy = createdOn.PlusDays(7),
                SentAt = At(createdOn, 10),
            };
        }
        else if (template.Kind == StepKind.NeighbourHelp)
        {
            // Neighbour help waits for the Volunteers module's proposals; only on open work, and only with consent.
            var consent = consents.FirstOrDefault(c => c.ResidentId == resident.Id && c.Purpose == ConsentPurpose.InvolveNeighbours && c.IsActive);
            if (@case.Status != CaseStatus.InProgress || consent is null)
            {
                return (null, false);
            }

            // Two of three were asked before the two months before this one and run with a demo helper (their visit logs are the
            // Volunteers module's demo data); the others were asked recently and the proposals are there to choose from.
            var askedLongAgo = Max(Max(createdOn, consent.GivenOn), today.PlusMonths(-2).With(DateAdjusters.StartOfMonth).PlusDays(-10));
            var running = _helpSteps++ % 3 != 1 && askedLongAgo.PlusDays(7) <= today;
            createdOn = running ? askedLongAgo : Max(Max(createdOn, consent.GivenOn), today.PlusDays(-random.Next(3, 10)));
            help = new NeighbourHelpRequest
            {
                StepId = id,
                RoleProfileKey = template.RoleProfile!,
                Description = template.Summary!,
                HoursPerMonth = template.Hours,
                PreferredTimes = template.PreferredTimes,
                StartsOn = createdOn.PlusDays(running ? 7 : 14),
                Status = NeighbourHelpStatus.Proposed,
                Candidates = [.. DemoHelpers.All.Where(h => h.RoleProfileKeys.Contains(template.RoleProfile!)).Select(Proposed)],
            };
            if (running)
            {
                var helper = help.Candidates[_running++ % help.Candidates.Count];
                help.ChosenVolunteerId = helper.VolunteerId;
                help.ChosenVolunteerName = helper.DisplayName;
                help.ChosenBy = owner.Id;
                help.ChosenAt = At(createdOn.PlusDays(2), 11);
                // The Volunteers module's demo data creates the assignment with this id (DemoHelpers).
                help.AssignmentId = DemoHelpers.AssignmentIdOf(help.Id);
                help.Status = NeighbourHelpStatus.Started;
                _plannedHours[helper.VolunteerId] = _plannedHours.GetValueOrDefault(helper.VolunteerId) + template.Hours;
            }
        }

        var created = At(createdOn, 9);
        var step = new PlanStep
        {
            Id = id,
            CaseId = @case.Id,
            ProblemId = problem.Id,
            Kind = template.Kind,
            Title = template.Title,
            Owner = template.Owner ?? (template.Kind == StepKind.Referral ? partnerName : owner.DisplayName),
            IsMilestone = template.Milestone,
            Status = status,
            CreatedAt = created,
            Referral = referral,
            NeighbourHelp = help,
        };
        step.Note("Maßnahme", "–", $"angelegt ({PlanningNames.Of(step.Kind)}, {PlanningNames.Of(step.Status)})", me, created);
        if (referral is not null)
        {
            step.Note("Vermittlung", "–", $"gesendet an {referral.PartnerName}", me, referral.SentAt);
            AnswerReferral(step, referral, referralStatus, me, createdOn, end, @case.IsClosed);
            step.DueOn = step.IsOpen ? OpenDue(createdOn, overdue: false) : createdOn.PlusDays(random.Next(14, 35));
        }
        else if (help is not null)
        {
            // The entries the real use case and handlers write (NeighbourHelpDisclosure, HelpersProposedHandler,
            // ChooseHelper, AssignmentStartedHandler).
            step.Note("Nachbarschaftshilfe", "–", $"angefragt ({RoleProfiles.NameOf(help.RoleProfileKey)})", me, created);
            step.Note("Vorschläge", "–", $"{help.Candidates.Count} Vorschläge", Actor.Volunteers, created.Plus(Duration.FromMinutes(1)));
            step.DueOn = help.StartsOn;
            if (help.Status == NeighbourHelpStatus.Started)
            {
                step.Note("Helfer:in", "–", help.ChosenVolunteerName!, me, help.ChosenAt!.Value);
                var started = help.ChosenAt.Value.Plus(Duration.FromMinutes(1));
                step.Note("Nachbarschaftshilfe", "Helfer:in gewählt", $"Einsatz begonnen am {GermanDates.Show(help.StartsOn)} ({help.ChosenVolunteerName})", Actor.Volunteers, started);
                step.ChangeStatus(StepStatus.InProgress, Actor.Volunteers, started);
                // Running help is looked at again in a few weeks.
                step.DueOn = today.PlusDays(random.Next(14, 40));
            }
        }
        else
        {
            var to = InternalStatus(@case.Status, outcome, position, template.Milestone);
            var overdue = overdueWanted && !template.Milestone && to is StepStatus.Planned or StepStatus.InProgress && Days(createdOn, today) >= 12;
            if (to is StepStatus.Done or StepStatus.Cancelled)
            {
                var doneOn = Min(end, createdOn.PlusDays(random.Next(4, 20)));
                step.DueOn = to == StepStatus.Done ? createdOn.PlusDays(random.Next(10, 30)) : createdOn.PlusDays(21);
                if (to == StepStatus.Done)
                {
                    step.ChangeStatus(StepStatus.InProgress, me, At(createdOn, 14));
                }

                step.ChangeStatus(to, me, At(doneOn, 15));
            }
            else
            {
                step.DueOn = OpenDue(createdOn, overdue);
                if (to == StepStatus.InProgress)
                {
                    step.ChangeStatus(StepStatus.InProgress, me, At(Min(today, createdOn.PlusDays(2)), 14));
                }
            }

            session.Insert(step);
            return (step, overdue);
        }

        session.Insert(step);
        return (step, false);
    }

    /// <summary>How the partner answered, written as the answer handlers do (history entries from "Netzwerkpartner (Nachricht)").</summary>
    private void AnswerReferral(PlanStep step, Referral referral, ReferralStatus to, Actor me, LocalDate sentOn, LocalDate end, bool closed)
    {
        if (to == ReferralStatus.Sent)
        {
            return;
        }

        if (to == ReferralStatus.Withdrawn)
        {
            var withdrawnAt = At(Min(end, sentOn.PlusDays(random.Next(2, 8))), 11);
            step.Change("Vermittlung", referral.Status, to, PlanningNames.Of, me, withdrawnAt, s => referral.Status = s);
            referral.Reason = "Bewohner:in möchte die Hilfe nicht mehr in Anspruch nehmen.";
            step.ChangeStatus(StepStatus.Cancelled, me, withdrawnAt);
            return;
        }

        var answeredOn = Min(end, sentOn.PlusDays(random.Next(1, 4)));
        var answeredAt = At(answeredOn, 14);
        referral.AnsweredAt = answeredAt;
        if (to == ReferralStatus.Declined)
        {
            const string reason = "Derzeit keine freien Kapazitäten im Quartier Döbeln-Nord; Warteliste etwa acht Wochen.";
            step.Change("Vermittlung", referral.Status, to, PlanningNames.Of, Actor.Partner, answeredAt, s => referral.Status = s);
            referral.Reason = reason;
            step.Note("Begründung des Partners", "–", reason, Actor.Partner, answeredAt);
            if (closed)
            {
                // Closed case: the case manager did not look for another partner.
                step.ChangeStatus(StepStatus.Cancelled, me, At(Min(end, answeredOn.PlusDays(1)), 10));
            }

            return;
        }

        referral.ContactPerson = ContactPersons.GetValueOrDefault(referral.ServiceCategory);
        step.Change("Vermittlung", referral.Status, ReferralStatus.Accepted, PlanningNames.Of, Actor.Partner, answeredAt, s => referral.Status = s);
        step.ChangeStatus(StepStatus.InProgress, Actor.Partner, answeredAt);
        if (to == ReferralStatus.Accepted)
        {
            return;
        }

        var completedAt = At(Min(end, answeredOn.PlusDays(random.Next(10, 40))), 15);
        step.Change("Vermittlung", referral.Status, to, PlanningNames.Of, Actor.Partner, completedAt, s => referral.Status = s);
        referral.CompletedAt = completedAt;
        if (to == ReferralStatus.CompletedUnsuccessfully)
        {
            const string reason = "Zwei Termine wurden nicht wahrgenommen; die Bewohnerin/der Bewohner möchte sich bei Bedarf selbst melden.";
            referral.Reason = reason;
            step.Note("Begründung des Partners", "–", reason, Actor.Partner, completedAt);
        }

        step.ChangeStatus(StepStatus.Done, Actor.Partner, completedAt);
    }

    private StepStatus InternalStatus(CaseStatus status, ProblemOutcome? outcome, int position, bool milestone) => status switch
    {
        CaseStatus.Closed => outcome switch
        {
            ProblemOutcome.Unchanged when position > 0 => StepStatus.Cancelled,
            ProblemOutcome.NotPursued => StepStatus.Cancelled,
            _ => StepStatus.Done,
        },
        // Ruhend: what was agreed is done; a milestone (the assessment) may still lie ahead.
        CaseStatus.Dormant => milestone ? StepStatus.Planned : StepStatus.Done,
        _ => position == 0 ? StepStatus.Done : milestone ? StepStatus.Planned : OpenInternalSteps[_openSteps++ % OpenInternalSteps.Length],
    };

    /// <summary>The due date of a step still open: ahead, or (once per case in progress) a week or so ago.</summary>
    private LocalDate OpenDue(LocalDate createdOn, bool overdue)
        => overdue ? Max(createdOn.PlusDays(3), today.PlusDays(-random.Next(2, 10))) : today.PlusDays(random.Next(5, 40));

    private HomeVisit AddVisit(Case @case, DemoAccount owner, Resident resident, string name, DemoProblem[] problems, LocalDate on, bool followUp)
    {
        var template = HomeVisitTemplates.Current;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in template.Domains.SelectMany(d => d.Questions).Where(q => q.Type != AnswerType.Text))
        {
            answers[question.Key] = question.Type == AnswerType.Scale ? "0" : question.RiskAnswer == HomeVisitAnswers.Yes ? HomeVisitAnswers.No : HomeVisitAnswers.Yes;
        }

        answers["gesundheit-zustand"] = random.Next(0, 3).ToString(CultureInfo.InvariantCulture);
        answers["gesundheit-schmerzen"] = random.Next(3) == 0 ? HomeVisitAnswers.Yes : HomeVisitAnswers.No;
        answers["medikamente-anzahl"] = random.Next(2) == 0 ? HomeVisitAnswers.Yes : HomeVisitAnswers.No;
        // As recorded on the resident (a problem "Pflegebedarf" below says otherwise on the first visit).
        answers["leistungen-pflegegrad"] = resident.CareLevel == CareLevel.None ? HomeVisitAnswers.No : HomeVisitAnswers.Yes;
        answers["soziale-kontakte-bezugsperson"] = resident.Relatives.FirstOrDefault() is { } relative ? $"{relative.Role} ({relative.Name})" : "Nachbarin im Haus";
        answers["hilfsmittel-vorhanden"] = new[] { "Brille, Gehstock", "Rollator, Lesebrille", "Hörgerät (selten getragen), Gehstock", "Brille" }[random.Next(4)];

        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var flagged = new List<string>();
        var general = new List<string>
        {
            followUp
                ? $"Folgebesuch bei {name}, um den Stand des Plans mit der Checkliste zu prüfen."
                : $"Freundlicher Empfang, Wohnung {(resident.Flat is null ? "im Erdgeschoss" : $"im {resident.Flat}")}. {name} hat sich Zeit genommen und offen erzählt.",
        };
        var severe = !followUp;
        foreach (var problem in problems)
        {
            Apply(problem.Kind, severe, answers, notes, flagged, general, name);
        }

        if (followUp)
        {
            general.Add("Die vereinbarten Hilfen zeigen Wirkung; Einzelheiten in den Bereichsnotizen.");
        }

        var visit = new HomeVisit
        {
            CaseId = @case.Id,
            VisitedOn = on,
            VisitedBy = on.Day % 3 == 0 ? $"{owner.DisplayName} mit {DemoAccounts.Ehrenamt.DisplayName.Split(' ')[0]} (Ehrenamt)" : owner.DisplayName,
            TemplateKey = template.Key,
            TemplateVersion = template.Version,
            Content = new HomeVisitContent(answers, notes, flagged, string.Join(" ", general)),
            RecordedAt = At(on, 17),
            RecordedBy = owner.Id,
        };
        session.Insert(visit);
        var findings = template.Domains.Where(d => d.IsFinding(answers, flagged)).Select(d => d.Title).ToList();
        Note(@case, owner, (followUp ? "Folgebesuch mit Checkliste. " : "Präventiver Hausbesuch mit Checkliste. ")
            + (findings.Count == 0 ? "Keine Auffälligkeiten." : $"Auffällig: {string.Join(", ", findings)}."), on, 18, contact: true);
        return visit;
    }

    /// <summary>The checklist answers and notes that go with a problem (milder on a follow-up visit).</summary>
    private static void Apply(ProblemKind kind, bool severe, Dictionary<string, string> answers, Dictionary<string, string> notes, List<string> flagged, List<string> general, string name)
    {
        const string yes = HomeVisitAnswers.Yes;
        const string no = HomeVisitAnswers.No;
        switch (kind)
        {
            case ProblemKind.CareNeed:
                answers["kognition-vergesslich"] = severe ? "2" : "1";
                answers["mobilitaet-wohnung"] = "2";
                answers["leistungen-pflegegrad"] = severe ? no : yes;
                answers["leistungen-entlastungsbetrag"] = severe ? no : yes;
                notes["leistungen"] = severe ? "Kein Pflegegrad; von Pflegeberatung und Entlastungsbetrag noch nie gehört." : "Pflegegrad beantragt bzw. bewilligt, Entlastungsbetrag wird genutzt.";
                notes["kognition"] = "Nach Auskunft der Nachbarin zweimal den Herd angelassen; Termine werden auf einem Wandkalender notiert.";
                break;
            case ProblemKind.AgeOrIllnessLimitation:
                answers["stuerze-letztes-jahr"] = yes;
                answers["stuerze-angst"] = severe ? yes : no;
                answers["mobilitaet-treppe"] = no;
                answers["wohnsicherheit-stolperfallen"] = severe ? yes : no;
                answers["wohnsicherheit-bad"] = severe ? no : yes;
                answers["hilfsmittel-fehlen"] = severe ? yes : no;
                notes["stuerze"] = severe ? $"Sturz im Bad im Frühjahr; {name} lag fast eine Stunde am Boden, bis die Nachbarin kam." : "Seit Haltegriffen und Hausnotruf kein Sturz mehr.";
                notes["hilfsmittel"] = severe ? "Hausnotruf fehlt, Rollator wäre sinnvoll." : "Rollator und Hausnotruf vorhanden und in Gebrauch.";
                break;
            case ProblemKind.Loneliness:
                answers["soziale-kontakte-woche"] = severe ? no : yes;
                answers["soziale-kontakte-einsam"] = severe ? "3" : "1";
                answers["stimmung-niedergeschlagen"] = severe ? "1" : "0";
                if (severe)
                {
                    flagged.Add("stimmung");
                    notes["stimmung"] = "Wirkt traurig, spricht viel vom verstorbenen Ehepartner; keine Hinweise auf akute Gefährdung.";
                }

                notes["soziale-kontakte"] = severe ? "Außer der Kassiererin im Supermarkt oft tagelang kein Gespräch." : "Hat wieder regelmäßige Kontakte und freut sich auf die Termine.";
                break;
            case ProblemKind.DailyLiving:
                answers["ernaehrung-mahlzeiten"] = severe ? no : yes;
                answers["ernaehrung-gewicht"] = severe ? yes : no;
                answers["ernaehrung-trinken"] = severe ? "2" : "1";
                answers["medikamente-anzahl"] = yes;
                answers["medikamente-einnahme"] = severe ? no : yes;
                notes["ernaehrung"] = severe ? "Kühlschrank fast leer, Brot und Marmelade; Hose sitzt locker." : "Einkauf ist geregelt, es wird wieder warm gegessen.";
                notes["medikamente"] = severe ? "Sieben Präparate, Tabletten lose in einer Schale; Einnahme unregelmäßig." : "Wochendosette wird genutzt.";
                break;
            case ProblemKind.Neglect:
                answers["wohnsicherheit-zustand"] = severe ? "3" : "2";
                answers["wohnsicherheit-stolperfallen"] = yes;
                answers["ernaehrung-mahlzeiten"] = severe ? no : yes;
                notes["wohnsicherheit"] = severe ? "Flur und Küche zugestellt, Wege kaum frei; Geruch im Treppenhaus." : "Küche geräumt und sauber, Flur frei; zwei Zimmer noch zugestellt.";
                break;
            case ProblemKind.NeighbourConflict:
                answers["hilfsmittel-fehlen"] = severe ? yes : no;
                notes["hilfsmittel"] = severe ? "Hört deutlich schlecht, Fernseher sehr laut; kein Hörgerät." : "Hörgerät angepasst, Funkkopfhörer am Fernseher.";
                general.Add(severe ? "Streit mit dem Nachbarn wegen Lärm belastet sehr." : "Im Haus ist es ruhiger geworden.");
                break;
            case ProblemKind.RentArrears:
                general.Add(severe ? $"Mahnungen der Genossenschaft liegen ungeöffnet im Flur; das Thema Geld ist {name} sichtlich unangenehm." : "Die Post wird geöffnet und abgeheftet, die Raten laufen.");
                break;
            default:
                general.Add(severe ? "Ein Stapel ungeöffneter Behördenpost auf dem Küchentisch, darunter ein Schreiben mit Frist." : "Die Post ist sortiert.");
                break;
        }
    }

    private void AddProblemFollowUps(Case @case, DemoAccount owner, DemoProblem template, int number, int index, LocalDate planDay, LocalDate end)
    {
        var dueDone = Min(end, planDay.PlusDays(random.Next(7, 20)));
        if (@case.Status != CaseStatus.InProgress || number > 0)
        {
            AddFollowUp(@case, owner, template.FollowUp, dueDone, done: Min(end, dueDone.PlusDays(random.Next(0, 2))));
            return;
        }

        // Cases in progress: one reminder due today, overdue or ahead (by case), plus one already done.
        var due = (index % 3) switch
        {
            0 => today,
            1 => Max(planDay.PlusDays(1), today.PlusDays(-random.Next(2, 9))),
            _ => today.PlusDays(random.Next(3, 20)),
        };
        AddFollowUp(@case, owner, template.FollowUp, due, done: null,
            index % 2 == 0 ? "Tochter weiß Bescheid und kann notfalls auch Auskunft geben." : null);
        AddFollowUp(@case, owner, "Rückruf: Unterlagen für den Antrag vollständig?", dueDone, done: Min(end, dueDone));
    }

    private void AddFirstVisitFollowUp(Case @case, DemoAccount owner, int index)
    {
        // Open cases: the first home visit still has to be arranged (due today, overdue or soon).
        var due = (index / 5 % 3) switch
        {
            0 => today,
            1 => Max(@case.OpenedOn, today.PlusDays(-3)),
            _ => today.PlusDays(4),
        };
        AddFollowUp(@case, owner, "Ersten Hausbesuch vereinbaren", due, done: null, "Am besten vormittags anrufen; Festnetz, klingelt lange.");
    }

    private void AddFollowUp(Case @case, DemoAccount owner, string title, LocalDate due, LocalDate? done, string? note = null)
    {
        var followUp = new FollowUp
        {
            CaseId = @case.Id,
            DueOn = Max(due, @case.OpenedOn),
            Title = title,
            Note = note,
            CreatedAt = At(Max(@case.OpenedOn, Min(today, due.PlusDays(-14))), 9),
            CreatedBy = owner.Id,
            CreatedByName = owner.DisplayName,
        };
        if (done is { } doneOn)
        {
            followUp.MarkDone(true, owner.Id, owner.DisplayName, At(doneOn, 12));
        }

        session.Insert(followUp);
    }

    private void AddConfidentialNote(Case @case, DemoAccount owner, string name, int index, LocalDate on)
    {
        var text = index switch
        {
            1 => $"Vertraulich: {name} deutet an, dass der Sohn regelmäßig Geld fordert und die Bankkarte „ausleiht“. Nicht an Partner weitergeben; "
                + "beim nächsten Besuch behutsam ansprechen und Beratung zum Schutz vor finanzieller Ausbeutung anbieten.",
            7 => $"Vertraulich: Nach eigenen Angaben trinkt {name} seit dem Tod des Ehepartners täglich Alkohol. Hausarztpraxis ist mit Einverständnis "
                + "informiert; in Vermittlungen nicht erwähnen.",
            _ => null,
        };
        if (text is not null)
        {
            Note(@case, owner, text, on, 19, confidential: true);
        }
    }

    /// <summary>The last contact note falls on <see cref="Case.LastContactOn"/> (unless a visit or the intake already did).</summary>
    private void AddLastContact(Case @case, DemoAccount owner, string name, int index, List<LocalDate> contacts)
    {
        if (!contacts.Contains(@case.LastContactOn))
        {
            Note(@case, owner, Fill(DemoPlans.Contacts[(index + 3) % DemoPlans.Contacts.Length], name), @case.LastContactOn, 11, contact: true);
        }
    }

    private void Note(Case @case, DemoAccount owner, string text, LocalDate on, int hour, bool contact = false, bool confidential = false)
        => session.Insert(new JournalNote
        {
            CaseId = @case.Id,
            Text = text,
            WrittenAt = At(on, hour),
            WrittenBy = owner.Id,
            WrittenByName = owner.DisplayName,
            ContactOn = contact ? on : null,
            IsConfidential = confidential,
        });

    /// <summary>
    /// One entry per case says where its records came from. The seeder runs without a signed-in person, so it does not
    /// pretend that the case managers made each change: the entry names no user (empty id) and says "Demodaten".
    /// </summary>
    internal static AuditEntry SeedAuditEntry(Case @case, Instant now, string what) => new()
    {
        At = now,
        UserId = Guid.Empty,
        UserName = "Demodaten (seed-demo)",
        Action = AuditAction.Create,
        RecordKind = "Case",
        RecordId = @case.Id,
        ResidentId = @case.ResidentId,
        CaseId = @case.Id,
        Description = $"Demodaten geladen: {what} (kein Benutzer)",
    };

    private void AddAuditEntry(Case @case)
        => session.Insert(SeedAuditEntry(@case, now, "Fall mit Hausbesuchen, Wege-Hilfe-Plan, Wiedervorlagen und Journal"));

    /// <summary>Sharing needs consent given before the referral: the category consent if it is old enough, else one for this partner.</summary>
    private void EnsureSharingConsent(Resident resident, DemoAccount owner, PartnerListing partner, string category, LocalDate sentOn)
    {
        if (consents.Any(c => c.ResidentId == resident.Id && c.GivenOn <= sentOn
                && ConsentRules.Covers(c, ConsentPurpose.ShareWithPartners, partner.PartnerId, category)))
        {
            return;
        }

        consents.Add(new Consent
        {
            ResidentId = resident.Id,
            Purpose = ConsentPurpose.ShareWithPartners,
            PartnerId = partner.PartnerId,
            PartnerName = partner.Name,
            GivenOn = sentOn,
            Form = ConsentForm.Written,
            RecordedBy = owner.Id,
            RecordedByName = owner.DisplayName,
            RecordedAt = At(sentOn, 8),
        });
    }

    /// <summary>The demo partners of a category in Döbeln-Nord (from the Partners module, seeded before), taken in turn.</summary>
    private async Task<PartnerListing?> PartnerAsync(string category, CancellationToken cancellationToken)
    {
        if (!_partners.TryGetValue(category, out var found))
        {
            found = [.. (await partners.FindPartnersAsync(category, DemoCaseData.Quartier, cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal)];
            _partners[category] = found;
        }

        return found.Count == 0 ? null : found[_referrals % found.Count];
    }

    private static string OutcomeNote(DemoProblem template, ProblemOutcome outcome) => outcome switch
    {
        ProblemOutcome.Resolved => template.ResolvedNote,
        ProblemOutcome.Improved => template.ImprovedNote,
        ProblemOutcome.Unchanged => "{Name} hat die vereinbarte Hilfe nach kurzer Zeit wieder abgesagt und möchte derzeit keine weitere Unterstützung; das Angebot bleibt bestehen.",
        _ => "Nicht weiter verfolgt: {Name} möchte das selbst regeln, die Angehörigen unterstützen dabei.",
    };

    private static string Title(DemoProblem problem) => problem.Kind == ProblemKind.Other ? $"Sonstiges: {problem.OtherText}" : PlanningNames.Of(problem.Kind);

    private static string Salutation(Resident resident)
        => $"{(DemoNames.MenFirstNames.Contains(resident.FirstName, StringComparer.Ordinal) ? "Herr" : "Frau")} {resident.LastName}";

    private static string Fill(string text, string name) => text.Replace("{Name}", name, StringComparison.Ordinal);

    private static int Days(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    /// <summary>A demo helper as the Volunteers module proposes them (worded like its ranking, same Quartier first).</summary>
    private ProposedHelper Proposed(DemoHelper helper)
    {
        // Besuchsdienst and Einkaufshilfe (the roles the demo plans ask for) allow 20 hours a month.
        var free = 20 - _plannedHours.GetValueOrDefault(helper.VolunteerId);
        return new ProposedHelper(helper.VolunteerId, helper.DisplayName, DemoCaseData.Quartier, ["Deutsch"], free,
            [.. helper.RoleProfileKeys.Select(RoleProfiles.NameOf)],
            $"Wohnt im selben Quartier ({DemoCaseData.Quartier}); noch {free} Stunden in diesem Monat frei; spricht Deutsch");
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => LocalDate.Min(a, b);

    private static LocalDate Max(LocalDate a, LocalDate b) => LocalDate.Max(a, b);

    private static LocalDate Clamp(LocalDate date, LocalDate min, LocalDate max) => Max(min, Min(max, date));

    /// <summary>That day at the hour (Berlin), never later than now: a note "written" today is not in the future.</summary>
    private Instant At(LocalDate date, int hour)
    {
        var at = Berlin.StartOfDay(date).Plus(Duration.FromHours(hour));
        return at > now ? now : at;
    }
}
