using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features.Demo;

/// <summary>
/// About 30 neighbours in the demo Quartiere with roles and certificates: some lapsing within 60 days, one lapsed (its
/// enrolment suspended), a few registrations waiting for confirmation. The demo <c>Ehrenamt</c> login is Gerda Schubert.
/// Fixed ids (derived from the index) make a second run change nothing.
/// </summary>
internal sealed class DemoVolunteers(IDocumentSession session, IClock clock) : IDemoDataSeeder
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
        if (await session.LoadAsync<Volunteer>(IdOf(0), cancellationToken) is not null)
        {
            return;
        }

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

                var keys = new[] { roleKeys[i % roleKeys.Length], i % 3 == 0 ? "nachbarschaftshilfe" : "besuchsdienst" }.Distinct(StringComparer.Ordinal);
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
        await session.SaveChangesAsync(cancellationToken);
    }

    public static Guid IdOf(int index) => new($"d3e0c000-0000-4000-8000-{index + 1:000000000000}");

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
