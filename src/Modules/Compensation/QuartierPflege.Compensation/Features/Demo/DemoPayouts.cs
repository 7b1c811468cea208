using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Runs;

namespace QuartierPflege.Compensation.Features.Demo;

/// <summary>
/// Compensation's own demo data, so the demo does not depend on when Volunteers' messages arrive: payees (with bank
/// details) and role models for eight of Volunteers' demo neighbours (the same fixed ids; the Ehrenamt login is no. 0),
/// their confirmed activities of the last three months, and the runs of those months computed by the real preparation:
/// the two older ones paid (prepared by finanzen@, approved by finanzen2@), the last one prepared by finanzen@ and
/// waiting for a second person, with a payout held for missing bank details and one above the tax-free cap.
/// Volunteers' demo publishes <c>activity-confirmed</c> for its confirmed logs; the seeding waits until those are
/// handled, so they are accrued under their own ids and paid by these runs alongside the demo accruals here.
/// Months are Europe/Berlin months relative to the clock; seeded once (a second run changes nothing).
/// </summary>
internal sealed class DemoPayouts(IDocumentSession session, IClock clock) : IDemoDataSeeder
{
    /// <summary>As in Volunteers' demo (index, name, e-mail, Quartier); the roles are the first of each one's there.</summary>
    private static readonly (string Name, string Email, string Quartier, string Role, string Model, string? Iban)[] Neighbours =
    [
        ("Gerda Schubert", DemoAccounts.Ehrenamt.Email, "Döbeln-Nord", "alltagsbegleitung", "aufwandspauschale", "DE54120300001000202051"),
        ("Heinz Krause", "heinz.krause@demo-nachbarn.de", "Döbeln-Ost", "nachbarschaftshilfe", "stundensatz", "DE29120300001000209970"),
        ("Monika Vogel", "monika.vogel@demo-nachbarn.de", "Döbeln-Zentrum", "nachbarschaftshilfe", "stundensatz", "DE04120300001000217889"),
        ("Uwe Seidel", "uwe.seidel@demo-nachbarn.de", "Großweitzschen", "einkaufshilfe", "fahrtkosten", "DE76120300001000225808"),
        ("Ilse Böhme", "ilse.boehme@demo-nachbarn.de", "Hartha", "fahrdienst", "fahrtkosten", "DE51120300001000233727"),
        ("Frank Zimmermann", "frank.zimmermann@demo-nachbarn.de", "Döbeln-Nord", "alltagsbegleitung", "aufwandspauschale", null),
        ("Petra Wolf", "petra.wolf@demo-nachbarn.de", "Döbeln-Ost", "nachbarschaftshilfe", "stundensatz", "DE98120300001000249565"),
        ("Rainer Hartmann", "rainer.hartmann@demo-nachbarn.de", "Döbeln-Zentrum", "alltagsbegleitung", "aufwandspauschale", "DE73120300001000257484"),
    ];

    /// <summary>After Volunteers' demo (40): its messages may already have made some payees, which are then completed.</summary>
    public int Order => 50;

    /// <summary>Volunteers' demo volunteer ids (<c>DemoVolunteers.IdOf</c>), which the payees share.</summary>
    public static Guid VolunteerIdOf(int index) => new($"d3e0c000-0000-4000-8000-{index + 1:000000000000}");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var marker = AccrualId(0, 0, 0);
        if (await session.LoadAsync<Accrual>(marker, cancellationToken) is not null)
        {
            return;
        }

        var thisMonth = clock.ThisMonth();
        var months = new[] { 3, 2, 1 }.Select(back => thisMonth.OnDayOfMonth(1).PlusMonths(-back).ToYearMonth()).ToArray();
        var now = clock.GetCurrentInstant();
        for (var i = 0; i < Neighbours.Length; i++)
        {
            var (name, email, quartier, role, model, iban) = Neighbours[i];
            var id = VolunteerIdOf(i);
            var payee = await session.LoadAsync<Payee>(id, cancellationToken);
            var isNew = payee is null;
            payee ??= new Payee { Id = id, DisplayName = name, Email = email, Quartier = quartier };
            payee.Iban = iban;
            payee.AccountHolder = iban is null ? null : name;
            if (i == 6)
            {
                // Petra Wolf earns elsewhere too: her declaration leaves 20 € of the 2026 Ehrenamtspauschale (960 €).
                payee.Declarations = [.. months.Select(m => m.Year).Distinct().Select(y => new AllowanceDeclaration(y, 940m, 0m))];
            }

            if (isNew)
            {
                session.Insert(payee);
            }
            else
            {
                session.UpdateRevision(payee, payee.Version + 1);
            }

            session.Store(new EnrolmentModel
            {
                Id = EnrolmentModel.IdOf(id, role), VolunteerId = id, RoleProfileKey = role, ModelKey = model, From = months[0].OnDayOfMonth(1).PlusMonths(-3),
            });
            for (var m = 0; m < months.Length; m++)
            {
                // Frank Zimmermann (no bank details yet) and Petra Wolf started last month.
                if (i is 5 or 6 && m < 2)
                {
                    continue;
                }

                for (var n = 0; n < 3 + (i % 3); n++)
                {
                    var date = months[m].OnDayOfMonth(3 + (n * 6));
                    session.Store(new Accrual
                    {
                        Id = AccrualId(i, m, n), VolunteerId = id, RoleProfileKey = role, Date = date, MonthKey = Accrual.KeyOf(months[m]),
                        Minutes = 90 + (30 * ((i + n) % 4)), Kilometres = model == "fahrtkosten" ? 8m + (4 * n) : 0m,
                    });
                }
            }
        }

        await session.SaveChangesAsync(cancellationToken);

        var preparer = new Preparer(DemoAccounts.Finanzen.Id, DemoAccounts.Finanzen.DisplayName);
        for (var m = 0; m < months.Length; m++)
        {
            var prepared = await PreparePayoutRunWork.PrepareAsync(session, clock, months[m], preparer, cancellationToken);
            if (!prepared.IsDone)
            {
                return;
            }

            await session.SaveChangesAsync(cancellationToken);
            if (m < months.Length - 1)
            {
                await MarkPaidAsync(months[m], now, cancellationToken);
            }
        }
    }

    /// <summary>
    /// An older month as if finanzen2@ had approved, exported and confirmed it: statements are not sent again for the
    /// past, so the run's state is set here rather than through the approval that mails them.
    /// </summary>
    private async Task MarkPaidAsync(YearMonth month, Instant now, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(month), cancellationToken);
        if (run is null)
        {
            return;
        }

        var approver = DemoAccounts.Finanzen2;
        var approvedAt = month.OnDayOfMonth(1).PlusMonths(1).PlusDays(2).At(new LocalTime(10, 0)).InZoneLeniently(Berlin.Zone).ToInstant();
        var at = approvedAt < now ? approvedAt : now;
        run.Status = RunStatus.Paid;
        run.ApprovedBy = approver.Id;
        run.ApprovedByName = approver.DisplayName;
        run.ApprovedAt = at;
        run.History.Add(new RunEvent(at, approver.Id, approver.DisplayName, $"freigegeben ({run.PayoutCount - run.HeldCount} Auszahlungen, {GermanMonths.Euro(run.Total)})"));
        run.History.Add(new RunEvent(at, approver.Id, approver.DisplayName, "SEPA-Datei heruntergeladen (exportiert)"));
        run.History.Add(new RunEvent(at, approver.Id, approver.DisplayName, "als bezahlt bestätigt"));
        session.UpdateRevision(run, run.Version + 1);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid AccrualId(int volunteer, int month, int n) => StableIds.Of("demo-accrual", $"{volunteer}/{month}/{n}");
}
