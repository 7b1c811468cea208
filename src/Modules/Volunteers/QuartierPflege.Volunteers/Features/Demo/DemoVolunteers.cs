using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Volunteers.Features.Demo;

/// <summary>
/// About 30 neighbours in the demo Quartiere with roles and certificates: some lapsing within 60 days, one lapsed (its
/// enrolment suspended), a few registrations waiting for confirmation. The demo <c>Ehrenamt</c> login is Gerda Schubert.
/// Fixed ids (derived from the index) make a second run change nothing.
/// <para>
/// Then the neighbour help of the demo cases (Case Management's demo data, seeded before: Order 20) as a snapshot, like
/// Case Management's: the requests it asked for (<see cref="INeighbourHelpRequests"/>), the assignments of the running
/// ones with the ids Case Management recorded (<see cref="DemoHelpers"/>), and their visit logs of the last two calendar
/// months in every state. What other modules learn from these is published through the outbox as the real use cases
/// do (<c>volunteer-registered</c>, <c>assignment-started</c>, <c>activity-confirmed</c>), so Compensation accrues the
/// confirmed logs itself.
/// </para>
/// </summary>
internal sealed class DemoVolunteers(IDocumentSession session, IMartenOutbox outbox, INeighbourHelpRequests cases, IClock clock) : IDemoDataSeeder
{
    private static readonly string[] Quartiere = ["Döbeln-Nord", "Döbeln-Ost", "Döbeln-Zentrum", "Großweitzschen", "Hartha"];

    private static readonly (string First, string Last)[] Names =
    [
        ("Gerda", "Schubert"), ("Heinz", "Krause"), ("Monika", "Vogel"), ("Uwe", "Seidel"), ("Ilse", "Böhme"), ("Frank", "Zimmermann"),
        ("Petra", "Wolf"), ("Rainer", "Hartmann"), ("Karin", "Schmidt"), ("Jürgen", "Günther"), ("Renate", "Fischer"), ("Dieter", "Lange"),
        ("Brigitte", "Weber"), ("Klaus", "Neumann"), ("Sabine", "Schulz"), ("Wolfgang", "Walter"), ("Ursula", "Köhler"), ("Bernd", "Meyer"),
        ("Christa", "Lorenz"), ("Helmut", "Richter"), ("Marion", "Winkler"), ("Peter", "Schröder"), ("Elke", "Kaiser"), ("Lutz", "Jung"),
        ("Anke", "Haase"), ("Thomas", "Ludwig"), ("Heike", "Engel"), ("Mehmet", "Yilmaz"), ("Olga", "Petrova"), ("Lena", "Franke"),
    ];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Volunteer>(IdOf(0), cancellationToken) is null)
        {
            await AddVolunteersAsync();
        }

        var open = await cases.OpenAsync(cancellationToken);
        await AddNeighbourHelpAsync(open, cancellationToken);
        await DemoLonelinessVisits.AddAsync(session, clock, open, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task AddVolunteersAsync()
    {
        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var roles = Catalogue.DefaultRoles().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var roleKeys = roles.Keys.ToArray();
        for (var i = 0; i < Names.Length; i++)
        {
            var (first, last) = Names[i];
            var pending = i >= 27 && i != 27;
            var volunteer = new Volunteer
            {
                Id = IdOf(i),
                UserId = i == 0 ? DemoAccounts.Ehrenamt.Id : null,
                FirstName = first,
                LastName = last,
                Email = i == 0 ? DemoAccounts.Ehrenamt.Email : $"{first}.{last}@demo-nachbarn.de".ToLowerInvariant().Replace("ü", "ue", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal),
                Phone = $"03431 {710000 + (i * 137):000000}",
                Street = i % 2 == 0 ? "Bahnhofstraße" : "Ritterstraße",
                HouseNumber = (3 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Quartier = Quartiere[i % Quartiere.Length],
                BirthDate = new LocalDate(1950 + (i % 30), 1 + (i % 12), 1 + (i % 27)),
                Languages = i == 27 ? ["Deutsch", "Türkisch"] : i == 28 ? ["Deutsch", "Russisch"] : ["Deutsch"],
                Availability = [$"{Availability.Days[i % 5].Key}-vormittag", $"{Availability.Days[(i + 2) % 5].Key}-nachmittag"],
                Skills = i % 3 == 0 ? "Gartenarbeit, Vorlesen" : "Einkaufen, Spazierengehen",
                Status = pending ? VolunteerStatus.Registered : VolunteerStatus.Confirmed,
                RegisteredAt = now - Duration.FromDays(200 - i),
            };
            var certificates = new List<Certificate>();
            if (!pending)
            {
                // Everyone who helps brings the first-aid course and the police certificate; some lapse soon, one lapsed.
                var firstAidIssued = i switch
                {
                    1 => today.PlusMonths(-24).PlusDays(25),
                    2 => today.PlusMonths(-24).PlusDays(50),
                    3 => today.PlusMonths(-24).PlusDays(-3),
                    _ => today.PlusMonths(-(i % 20)),
                };
                certificates.Add(Issue(i, volunteer.Id, Catalogue.ErsteHilfe, firstAidIssued));
                certificates.Add(Issue(i, volunteer.Id, Catalogue.Fuehrungszeugnis, today.PlusMonths(-(i % 40))));
                if (i % 3 == 0)
                {
                    certificates.Add(Issue(i, volunteer.Id, Catalogue.Basiskurs, today.PlusMonths(-(i % 30))));
                }

                if (i % 4 == 0)
                {
                    certificates.Add(Issue(i, volunteer.Id, Catalogue.Demenz, today.PlusMonths(-10)));
                }

                var helper = DemoHelpers.All.FirstOrDefault(h => h.VolunteerId == volunteer.Id);
                var keys = new[] { roleKeys[i % roleKeys.Length], i % 3 == 0 ? "nachbarschaftshilfe" : "besuchsdienst" }
                    .Concat(helper?.RoleProfileKeys ?? []).Distinct(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    // Everyone enrolled as active first; the re-evaluation below suspends those whose certificate lapsed.
                    volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = key, State = EnrolmentState.Active, Since = today.PlusMonths(-3) });
                }

                Enrolments.Reevaluate(volunteer, roles, certificates, today, now);
            }

            session.Store(volunteer);
            foreach (var certificate in certificates)
            {
                session.Store(certificate);
            }

            if (!pending)
            {
                // As a coordinator's confirmation does: Compensation knows its payees from this.
                await outbox.PublishAsync(new VolunteerRegistered(Guid.NewGuid(), now, volunteer.Id, volunteer.DisplayName, volunteer.Email, volunteer.Quartier));
            }
        }

        session.Store(new TrainingSession
        {
            Id = new Guid("d3e0b000-0000-4000-8000-000000000001"), CourseKey = Catalogue.ErsteHilfe, CourseName = "Erste Hilfe",
            StartsAt = today.PlusDays(14).At(new LocalTime(9, 0)), DurationMinutes = 480, Place = "DRK Döbeln, Bahnhofstraße 10", Capacity = 12,
        });
        session.Store(new TrainingSession
        {
            Id = new Guid("d3e0b000-0000-4000-8000-000000000002"), CourseKey = Catalogue.Basiskurs, CourseName = "Basiskurs Nachbarschaftshilfe",
            StartsAt = today.PlusDays(21).At(new LocalTime(17, 0)), DurationMinutes = 90, Place = "Stadtteiltreff Döbeln-Ost", Capacity = 2,
        });
    }

    /// <summary>
    /// The demo cases' open neighbour help of the demo helpers that Volunteers does not know yet: the request (with the
    /// proposed helpers, so a case manager can choose one in the demo), and for a running one the assignment and its logs.
    /// </summary>
    private async Task AddNeighbourHelpAsync(IReadOnlyList<OpenNeighbourHelp> all, CancellationToken cancellationToken)
    {
        var helpers = DemoHelpers.All.Select(h => h.VolunteerId).ToHashSet();
        var open = all
            .Where(r => r.ProposedVolunteerIds.Any(helpers.Contains) && (r.ChosenVolunteerId is null || helpers.Contains(r.ChosenVolunteerId.Value)))
            .ToList();
        var known = (await session.LoadManyAsync<HelpRequest>(cancellationToken, open.Select(r => r.RequestId))).Select(r => r.Id).ToHashSet();
        var roles = Catalogue.DefaultRoles().ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var help in open.Where(r => !known.Contains(r.RequestId) && roles.ContainsKey(r.RoleProfileKey)))
        {
            session.Insert(new HelpRequest
            {
                Id = help.RequestId, CaseId = help.CaseId, ResidentId = help.ResidentId, Quartier = help.Quartier,
                Street = help.ResidentAddress.Street, HouseNumber = help.ResidentAddress.HouseNumber, Flat = help.ResidentAddress.Flat,
                RoleProfileKey = help.RoleProfileKey, Description = help.Description, HoursPerMonth = help.HoursPerMonth,
                PreferredTimes = help.PreferredTimes, StartsOn = help.StartsOn, Proposed = [.. help.ProposedVolunteerIds],
            });
            if (help is { ChosenVolunteerId: { } volunteerId, AssignmentId: { } assignmentId })
            {
                var role = roles[help.RoleProfileKey];
                var assignment = new Assignment
                {
                    Id = assignmentId, RequestId = help.RequestId, CaseId = help.CaseId, VolunteerId = volunteerId, RoleProfileKey = role.Id,
                    CompensationModelKey = role.CompensationModelKey, Street = help.ResidentAddress.Street, HouseNumber = help.ResidentAddress.HouseNumber,
                    Description = help.Description, HoursPerMonth = help.HoursPerMonth, StartsOn = help.StartsOn,
                };
                session.Insert(assignment);
                await outbox.PublishAsync(new AssignmentStarted(Guid.NewGuid(), clock.GetCurrentInstant(), assignment.Id, assignment.RequestId, assignment.CaseId,
                    assignment.VolunteerId, assignment.RoleProfileKey, assignment.CompensationModelKey, assignment.StartsOn));
                await AddLogsAsync(assignment);
            }
        }
    }

    /// <summary>
    /// A visit a week since the start of the month before last (two whole calendar months and this one so far), oldest first: confirmed, one corrected after its
    /// confirmation (submitted again), the second-newest returned with a comment, the newest still submitted.
    /// </summary>
    private async Task AddLogsAsync(Assignment assignment)
    {
        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var from = LocalDate.Max(assignment.StartsOn, today.PlusMonths(-2).With(DateAdjusters.StartOfMonth));
        var shopping = assignment.RoleProfileKey == "einkaufshilfe";
        var dates = new List<LocalDate>();
        for (var date = from; date <= today; date = date.PlusDays(7))
        {
            dates.Add(date);
        }

        for (var k = 0; k < dates.Count; k++)
        {
            var fromEnd = dates.Count - 1 - k;
            var submittedAt = Instant.Min(now, Berlin.StartOfDay(dates[k]).Plus(Duration.FromHours(18)));
            var log = new ActivityLog
            {
                Id = LogIdOf(assignment.Id, k),
                VolunteerId = assignment.VolunteerId,
                AssignmentId = assignment.Id,
                RoleProfileKey = assignment.RoleProfileKey,
                Date = dates[k],
                Minutes = 60 + (15 * ((k + assignment.HoursPerMonth) % 4)),
                Kind = shopping ? "einkauf" : k % 3 == 2 ? "begleitung" : "besuch",
                Kilometres = shopping ? 4 + (k % 3) : 0,
                Note = shopping ? "Wocheneinkauf im Supermarkt um die Ecke." : k % 3 == 2 ? "Kleiner Spaziergang zum Bäcker." : "Kaffee und Gespräch, Zeitung vorgelesen.",
                SubmittedAt = submittedAt,
                State = fromEnd switch { 0 => ActivityState.Submitted, 1 => ActivityState.Returned, _ => ActivityState.Confirmed },
            };
            if (log.State == ActivityState.Returned)
            {
                log.ReturnComment = "Bitte die Dauer prüfen: vereinbart war an diesem Tag nur ein kurzer Besuch.";
            }
            else if (log.State == ActivityState.Confirmed)
            {
                log.ConfirmedAt = Instant.Min(now, submittedAt.Plus(Duration.FromDays(2)));
                // Compensation gets the figures as they stand: for the corrected one, those after the correction
                // (a confirmation and a correction sent at once could arrive in either order).
                await outbox.PublishAsync(new ActivityConfirmed(Guid.NewGuid(), log.ConfirmedAt.Value, log.Id, log.VolunteerId, log.AssignmentId, log.RoleProfileKey,
                    log.Date, log.Minutes, log.Kilometres, log.Kind));
                if (k == 1)
                {
                    // Corrected after the confirmation (only the note): submitted again, awaiting confirmation.
                    log.State = ActivityState.Submitted;
                    log.Note = "Korrigiert nach der Bestätigung (Notiz ergänzt): " + log.Note;
                    log.SubmittedAt = Instant.Min(now, log.ConfirmedAt.Value.Plus(Duration.FromDays(1)));
                }
            }

            session.Insert(log);
        }
    }

    public static Guid IdOf(int index) => DemoHelpers.IdOf(index);

    private static Guid LogIdOf(Guid assignmentId, int index)
    {
        var bytes = assignmentId.ToByteArray();
        bytes[15] ^= (byte)(index + 1);
        bytes[14] ^= 0xa5;
        return new Guid(bytes);
    }

    private static Certificate Issue(int index, Guid volunteerId, string courseKey, LocalDate issuedOn)
    {
        var course = Catalogue.Course(courseKey)!;
        var courseIndex = Catalogue.Courses.ToList().FindIndex(c => c.Id == courseKey);
        return new Certificate
        {
            Id = new Guid($"d3e0d000-0000-4000-{8000 + courseIndex:0000}-{index + 1:000000000000}"),
            VolunteerId = volunteerId, CourseKey = courseKey, CourseName = course.Name, IssuedOn = issuedOn,
            ExpiresOn = course.ValidityMonths is { } m ? issuedOn.PlusMonths(m) : null, Verified = true,
        };
    }
}
