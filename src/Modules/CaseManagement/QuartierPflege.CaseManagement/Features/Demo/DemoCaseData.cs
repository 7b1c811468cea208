using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>
/// Demo data for the Quartier Döbeln-Nord: 40 residents and 25 cases in every state, owned by the demo case managers,
/// each with the work its state implies (<see cref="DemoCaseWork"/>: home visits, Wege-Hilfe-Plan with referrals to the
/// demo partners, follow-ups, journal). Generated from fixed seeds relative to today, so a demo always shows due,
/// overdue and quiet cases. Idempotent: runs only while the Quartier has no residents, and stores everything with one
/// SaveChanges, which is one transaction (a failed run leaves nothing behind that would stop the next one). Partners come from the Partners module's directory (its demo
/// data is seeded before this, Order 10).
/// </summary>
internal sealed class DemoCaseData(IDocumentSession session, IPartnerDirectory partners, IClock clock) : IDemoDataSeeder
{
    public const string Quartier = "Döbeln-Nord";
    private const int ResidentCount = 40;
    private const int CaseCount = 25;

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Döbeln-Ost for the Quartier-Lagebild (its own check: seeded once, also into an existing demo database).
        await new DemoLonelinessOst(session, partners, clock).SeedAsync(cancellationToken);
        if (await session.Query<Resident>().AnyAsync(r => r.Quartier == Quartier, cancellationToken))
        {
            return;
        }

        var consents = new List<Consent>();
        var random = new Random(2026);
        var today = clock.Today();
        var residents = Enumerable.Range(0, ResidentCount).Select(i => NewResident(random, i, today)).ToList();
        session.Insert(residents.ToArray());
        AddConsents(consents, residents, random, today);
        AddConcerns(residents, today);

        var statuses = new[] { CaseStatus.Open, CaseStatus.InProgress, CaseStatus.InProgress, CaseStatus.Dormant, CaseStatus.Closed };
        var cases = new List<Case>();
        for (var i = 0; i < CaseCount; i++)
        {
            var resident = residents[i];
            var (owner, deputy) = Owners(i);
            var status = statuses[i % statuses.Length];
            // Open cases are new (nothing done yet); the others have run long enough for a plan, closed ones for its outcome.
            var openedOn = today.PlusDays(-(status switch
            {
                CaseStatus.Open => random.Next(4, 26),
                CaseStatus.InProgress => random.Next(60, 300),
                CaseStatus.Dormant => random.Next(150, 400),
                _ => random.Next(180, 420),
            }));
            LocalDate? closedOn = status == CaseStatus.Closed ? LocalDate.Max(openedOn.PlusDays(60), today.PlusDays(-random.Next(14, 120))) : null;
            // Some cases have had no contact for weeks: the dashboard's no-contact alert shows them. Ruhend: some weeks
            // ago; closed: around the closing (never after it).
            var lastContact = LocalDate.Max(openedOn, status switch
            {
                CaseStatus.Closed => closedOn!.Value.PlusDays(-random.Next(0, 8)),
                CaseStatus.Dormant => today.PlusDays(-random.Next(18, 50)),
                _ => today.PlusDays(-(i % 4 == 0 ? random.Next(15, 60) : random.Next(0, 12))),
            });
            var @case = new Case
            {
                Number = await session.NextCaseNumberAsync(openedOn.Year, cancellationToken),
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                ResidentSearchName = resident.SearchName,
                CaseManagerId = owner.Id,
                CaseManagerName = owner.DisplayName,
                DeputyId = deputy.Id,
                DeputyName = deputy.DisplayName,
                Status = status,
                OpenedOn = openedOn,
                ClosedOn = closedOn,
                LastContactOn = lastContact,
                Quartier = Quartier,
                CreatedAt = Berlin.StartOfDay(openedOn),
            };
            cases.Add(@case);
        }

        session.Insert(cases.ToArray());

        // A seed of its own: the plans can grow without changing the residents and cases above.
        var work = new DemoCaseWork(session, consents, partners, new Random(4720), today, clock.GetCurrentInstant());
        for (var i = 0; i < CaseCount; i++)
        {
            await work.AddAsync(cases[i], residents[i], i, Owners(i).Owner, cancellationToken);
        }

        session.Insert(consents.ToArray());
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Most cases belong to the demo case manager, every sixth to the second one; each deputises for the other.</summary>
    private static (DemoAccount Owner, DemoAccount Deputy) Owners(int index)
        => index % 6 == 5 ? (DemoAccounts.Fallmanagement2, DemoAccounts.Fallmanagement) : (DemoAccounts.Fallmanagement, DemoAccounts.Fallmanagement2);

    /// <summary>Everyone with a case agreed to storage; many also to sharing and neighbour help; one withdrew.</summary>
    private static void AddConsents(List<Consent> consents, List<Resident> residents, Random random, LocalDate today)
    {
        var recorder = DemoAccounts.Fallmanagement;
        for (var i = 0; i < CaseCount; i++)
        {
            var resident = residents[i];
            var givenOn = today.PlusDays(-random.Next(30, 400));
            consents.Add(NewConsent(resident.Id, ConsentPurpose.StoreData, givenOn, ConsentForm.Written));
            if (i % 2 == 0)
            {
                consents.Add(NewConsent(resident.Id, ConsentPurpose.ShareWithPartners, givenOn, ConsentForm.Written, "pflegedienst"));
                consents.Add(NewConsent(resident.Id, ConsentPurpose.ShareWithPartners, givenOn, ConsentForm.Written, "hausarzt"));
            }

            if (i % 3 == 0)
            {
                consents.Add(NewConsent(resident.Id, ConsentPurpose.InvolveNeighbours, givenOn.PlusDays(3), ConsentForm.VerbalWithWitness, witness: "Jens Richter"));
            }

            if (i == 7)
            {
                var withdrawn = NewConsent(resident.Id, ConsentPurpose.ContactRelatives, givenOn, ConsentForm.Electronic);
                withdrawn.Withdraw(Berlin.StartOfDay(today.PlusDays(-5)), recorder.Id, recorder.DisplayName);
                consents.Add(withdrawn);
            }
        }

        Consent NewConsent(Guid residentId, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, string? category = null, string? witness = null) => new()
        {
            ResidentId = residentId,
            Purpose = purpose,
            ServiceCategory = category,
            GivenOn = givenOn,
            Form = form,
            WitnessName = witness,
            RecordedBy = recorder.Id,
            RecordedByName = recorder.DisplayName,
            RecordedAt = Berlin.StartOfDay(givenOn),
        };
    }

    /// <summary>Three concerns wait in the triage queue; one of them reported by the demo volunteer.</summary>
    private void AddConcerns(List<Resident> residents, LocalDate today)
    {
        var quiet = residents[^1];
        session.Insert(new Concern
        {
            ResidentName = quiet.DisplayName,
            ResidentAddress = quiet.Address,
            Description = $"{quiet.DisplayName} hat seit mehreren Tagen die Tür nicht geöffnet, der Briefkasten quillt über.",
            ReportedBy = DemoAccounts.Ehrenamt.Id,
            ReportedByName = DemoAccounts.Ehrenamt.DisplayName,
            ReportedAt = Berlin.StartOfDay(today.PlusDays(-2)).Plus(Duration.FromHours(10)),
        });
        session.Insert(new Concern
        {
            ResidentName = residents[^2].DisplayName,
            ResidentAddress = residents[^2].Address,
            Description = "Mietrückstand seit drei Monaten, Mahnungen bleiben unbeantwortet (Hinweis der Wohnungsgenossenschaft).",
            ReportedBy = DemoAccounts.Koordination.Id,
            ReportedByName = "Wohnungsgenossenschaft Döbeln eG (über Koordination)",
            ReportedAt = Berlin.StartOfDay(today.PlusDays(-1)).Plus(Duration.FromHours(14)),
        });
        session.Insert(new Concern
        {
            ResidentAddress = "Heinestraße 14, 2. OG rechts, 04720 Döbeln",
            Description = "Ältere Dame wirkt verwirrt, stand gestern Abend im Nachthemd im Treppenhaus.",
            ReportedBy = DemoAccounts.Ehrenamt.Id,
            ReportedByName = DemoAccounts.Ehrenamt.DisplayName,
            ReportedAt = Berlin.StartOfDay(today).Plus(Duration.FromHours(8)),
        });
    }

    private static Resident NewResident(Random random, int index, LocalDate today)
    {
        var woman = random.Next(3) > 0;
        var first = woman ? DemoNames.WomenFirstNames[random.Next(DemoNames.WomenFirstNames.Length)] : DemoNames.MenFirstNames[random.Next(DemoNames.MenFirstNames.Length)];
        var last = DemoNames.LastNames[index % DemoNames.LastNames.Length];
        var resident = new Resident
        {
            FirstName = first,
            LastName = last,
            DateOfBirth = today.PlusYears(-random.Next(68, 94)).PlusDays(-random.Next(0, 365)),
            Street = DemoNames.Streets[random.Next(DemoNames.Streets.Length)],
            HouseNumber = random.Next(1, 48).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Flat = random.Next(3) == 0 ? null : $"{random.Next(0, 5)}. OG {(random.Next(2) == 0 ? "links" : "rechts")}",
            PostalCode = "04720",
            City = "Döbeln",
            Quartier = Quartier,
            Phone = $"03431 {random.Next(600000, 799999)}",
            CareLevel = (CareLevel)(random.Next(10) < 4 ? 0 : random.Next(1, 5)),
            TenancyNumber = random.Next(2) == 0 ? $"WG-{random.Next(10000, 99999)}" : null,
            Languages = random.Next(8) == 0 ? ["Deutsch", "Russisch"] : ["Deutsch"],
            CreatedAt = Berlin.StartOfDay(today.PlusDays(-400)),
        };
        if (random.Next(3) > 0)
        {
            var role = DemoNames.RelativeRoles[random.Next(DemoNames.RelativeRoles.Length)];
            resident.Relatives.Add(new Relative
            {
                Name = $"{(role is "Sohn" or "Neffe" ? DemoNames.MenFirstNames[random.Next(DemoNames.MenFirstNames.Length)] : DemoNames.WomenFirstNames[random.Next(DemoNames.WomenFirstNames.Length)])} {last}",
                Role = role,
                Phone = $"0176 {random.Next(1000000, 9999999)}",
                MayBeContacted = random.Next(4) > 0,
            });
        }

        return resident;
    }
}
