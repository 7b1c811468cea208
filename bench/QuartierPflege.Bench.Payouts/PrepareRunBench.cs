using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Runs;

namespace QuartierPflege.Bench.Payouts;

/// <summary>
/// The run part of bench/payouts: 20,000 payees (most with bank details, some without, some with a declaration, some
/// near the year's cap through an earlier payout) and 600,000 confirmed activities in October 2026, bulk loaded and
/// analysed, then the month's run prepared through the nightly command's handler and committed as Wolverine would.
/// </summary>
internal static class PrepareRunBench
{
    public const double TargetSeconds = 20;

    private static readonly YearMonth Month = new(2026, 10);

    public static async Task<List<string>> RunAsync(string connectionString, int volunteers, int activities)
    {
        var invariant = CultureInfo.InvariantCulture;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:QuartierPflege"] = connectionString }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddQuartierPflegeDatabase(configuration);
        services.AddQuartierPflegeDocuments(configuration);
        services.AddCompensationDocuments();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);

        var load = Stopwatch.StartNew();
        var data = Generate(volunteers, activities);
        await store.BulkInsertAsync(data.Payees);
        await store.BulkInsertAsync(data.Enrolments);
        await store.BulkInsertAsync(data.Assignments);
        await store.BulkInsertAsync(data.Earlier);
        await store.BulkInsertAsync(data.Accruals, Weasel.Core.BulkInsertMode.InsertsOnly, batchSize: 10_000);
        await using (var connection = await provider.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            // As autovacuum would after a load: statistics for the planner, visibility map for index-only scans.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"prepare_load_s={load.Elapsed.TotalSeconds.ToString("0.0", invariant)}");

        var clock = new FakeClock(Instant.FromUtc(2026, 11, 1, 1, 0));
        // Not measured: the first use of each document type generates and compiles its storage code (Roslyn), which a
        // Host does once at start. A month with one activity goes through every step the measured run takes.
        await using (var warmUp = store.LightweightSession())
        {
            var august = new YearMonth(2026, 8);
            warmUp.Insert(new Accrual { Id = Guid.NewGuid(), VolunteerId = data.Payees[0].Id, RoleProfileKey = "nachbarschaftshilfe", Date = august.OnDayOfMonth(3), MonthKey = Accrual.KeyOf(august), Minutes = 60 });
            await warmUp.SaveChangesAsync();
            await PreparePayoutRunWork.PrepareAsync(warmUp, clock, august, Preparer.Job, CancellationToken.None);
            await warmUp.SaveChangesAsync();
        }

        var phases = new List<(string Name, TimeSpan At)>();
        // The machine may be shared: the process's own CPU time says what the wall time cannot.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var session = store.LightweightSession())
        {
            var command = new PreparePayoutRun(Guid.NewGuid(), clock.GetCurrentInstant(), Month);
            var outcome = await PreparePayoutRunWork.PrepareAsync(session, clock, command.Month, Preparer.Job, CancellationToken.None,
                phase => phases.Add((phase, watch.Elapsed)));
            if (!outcome.IsDone)
            {
                return [$"preparing the run was refused: {outcome.Message}"];
            }

            await session.SaveChangesAsync();
            phases.Add(("commit", watch.Elapsed));
        }

        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"prepare_host_cpu_s={cpu.TotalSeconds.ToString("0.00", invariant)}");
        var since = TimeSpan.Zero;
        foreach (var (name, at) in phases)
        {
            Console.WriteLine($"prepare_phase_{name}_s={(at - since).TotalSeconds.ToString("0.00", invariant)}");
            since = at;
        }

        var failures = new List<string>();
        await using (var query = store.QuerySession())
        {
            var run = await query.LoadAsync<PayoutRun>(PayoutRun.IdOf(Month));
            var count = await query.Query<Payout>().CountAsync(p => p.MonthKey == Accrual.KeyOf(Month));
            var noBank = await query.Query<Payout>().CountAsync(p => p.MonthKey == Accrual.KeyOf(Month) && p.Flags.Contains(PreparePayoutRunWork.FlagNoBankDetails));
            var capped = await query.Query<Payout>().CountAsync(p => p.MonthKey == Accrual.KeyOf(Month) && p.WithheldAboveCap > 0m);
            Console.WriteLine($"prepare_payouts={count}");
            Console.WriteLine($"prepare_flagged={run?.FlaggedCount}");
            Console.WriteLine($"prepare_no_bank_details={noBank}");
            Console.WriteLine($"prepare_above_cap={capped}");
            if (count != volunteers || run?.PayoutCount != volunteers)
            {
                failures.Add($"expected {volunteers} payouts, the run has {count}");
            }

            if (noBank != data.WithoutBankDetails || capped == 0)
            {
                failures.Add($"flags wrong: {noBank} without bank details (expected {data.WithoutBankDetails}), {capped} above the cap");
            }
        }

        Console.WriteLine($"prepare_run_s={watch.Elapsed.TotalSeconds.ToString("0.00", invariant)}");
        if (watch.Elapsed.TotalSeconds >= TargetSeconds)
        {
            failures.Add($"prepare_run_s {watch.Elapsed.TotalSeconds.ToString("0.00", invariant)} >= {TargetSeconds.ToString(invariant)}");
        }

        return failures;
    }

    private sealed record Data(List<Payee> Payees, List<EnrolmentModel> Enrolments, List<AssignmentModel> Assignments, List<Payout> Earlier,
        List<Accrual> Accruals, int WithoutBankDetails);

    /// <summary>
    /// Every volunteer in one role (hourly or flat pro rata) plus, for a third, a driving assignment (mileage);
    /// one in ten without bank details, one in twenty with a declaration, one in twenty already 900 € into the year's cap.
    /// </summary>
    private static Data Generate(int volunteers, int activities)
    {
        var random = new Random(2026);
        var roles = new[] { ("nachbarschaftshilfe", "stundensatz"), ("alltagsbegleitung", "aufwandspauschale"), ("einkaufshilfe", "stundensatz") };
        var payees = new List<Payee>(volunteers);
        var enrolments = new List<EnrolmentModel>(volunteers);
        var assignments = new List<AssignmentModel>();
        var earlier = new List<Payout>();
        var ids = new Guid[volunteers];
        var withoutBank = 0;
        for (var i = 0; i < volunteers; i++)
        {
            var id = ids[i] = Guid.NewGuid();
            var noBank = i % 10 == 3;
            withoutBank += noBank ? 1 : 0;
            payees.Add(new Payee
            {
                Id = id, DisplayName = $"Nachbarin {i}", Email = $"n{i}@bench.de", Quartier = "Döbeln-Nord",
                Iban = noBank ? null : "DE89370400440532013000", AccountHolder = noBank ? null : $"Nachbarin {i}",
                Declarations = i % 20 == 7 ? [new AllowanceDeclaration(2026, 500m, 0m)] : [],
            });
            var (role, model) = roles[i % roles.Length];
            enrolments.Add(new EnrolmentModel { Id = EnrolmentModel.IdOf(id, role), VolunteerId = id, RoleProfileKey = role, ModelKey = model, From = new LocalDate(2025, 1, 1) });
            if (i % 3 == 0)
            {
                assignments.Add(new AssignmentModel { Id = Guid.NewGuid(), VolunteerId = id, ModelKey = "fahrtkosten", StartsOn = new LocalDate(2026, 1, 1) });
            }

            if (i % 20 == 11)
            {
                var september = new YearMonth(2026, 9);
                earlier.Add(new Payout
                {
                    Id = Payout.IdOf(id, september), RunId = PayoutRun.IdOf(september), VolunteerId = id, MonthKey = Accrual.KeyOf(september),
                    DisplayName = $"Nachbarin {i}", Total = 900m, Caps = [new CapUse(AllowanceKind.Ehrenamtspauschale, 900m, 960m, 900m, 0m)],
                });
            }
        }

        var assignmentOf = assignments.ToDictionary(a => a.VolunteerId, a => a.Id);
        var accruals = new List<Accrual>(activities);
        for (var n = 0; n < activities; n++)
        {
            var i = n % volunteers;
            var (role, _) = roles[i % roles.Length];
            var driving = assignmentOf.TryGetValue(ids[i], out var assignment) && n / volunteers % 4 == 0;
            var date = new LocalDate(2026, 10, 1 + random.Next(31));
            accruals.Add(new Accrual
            {
                Id = Guid.NewGuid(), VolunteerId = ids[i], AssignmentId = driving ? assignment : null, RoleProfileKey = role, Date = date,
                MonthKey = Accrual.KeyOf(Month), Minutes = 30 + (15 * random.Next(10)), Kilometres = driving ? random.Next(2, 40) : 0m,
            });
        }

        return new Data(payees, enrolments, assignments, earlier, accruals, withoutBank);
    }
}
