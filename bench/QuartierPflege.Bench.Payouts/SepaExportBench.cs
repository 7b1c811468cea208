using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Bench.Payouts;

/// <summary>
/// The SEPA part of bench/payouts: the bank file of an approved run of 20,000 payouts, made by the same
/// <see cref="ISepaExport"/> the download uses (writing and the XSD validation it does before offering a file), then
/// validated once more on its own. Names carry umlauts, ß and accents, so the transliteration is measured too.
/// </summary>
internal static class SepaExportBench
{
    public const double TargetSeconds = 5;

    private static readonly string[] FirstNames = ["Jürgen", "Käthe", "Grete", "Hans-Jörg", "Renée", "Müzeyyen", "Łucja", "Anna", "Ömer", "Björn"];
    private static readonly string[] LastNames = ["Weiß", "Müller", "Schröder", "Groß", "Özdemir", "Böttcher", "Lehmann", "Krämer", "Fuß", "Dvořák"];

    /// <summary>Prints the figures and answers the failures against the targets (empty when all are met).</summary>
    public static List<string> Run(int transfers)
    {
        var invariant = CultureInfo.InvariantCulture;
        var random = new Random(2026);
        var payouts = Enumerable.Range(0, transfers)
            .Select(i => new PayoutToTransfer(
                Guid.NewGuid(),
                $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                GermanIban(random),
                Math.Round(5m + (decimal)(random.NextDouble() * 950), 2)))
            .ToList();
        var run = new RunToExport(Guid.NewGuid(), new YearMonth(2026, 10), payouts);
        var debtor = Options.Create(new SepaDebtorOptions { Name = "Quartierpflege Döbeln e.V.", Iban = "DE89370400440532013000", Bic = "COBADEFFXXX" });
        var export = new SepaExport(debtor, new FakeClock(Instant.FromUtc(2026, 11, 3, 9, 0)));

        export.Export(run with { Payouts = payouts.Take(100).ToList() }); // JIT and schema loading, not measured
        var watch = Stopwatch.StartNew();
        var outcome = export.Export(run);
        watch.Stop();
        var failures = new List<string>();
        if (!outcome.IsDone)
        {
            Console.WriteLine("sepa_valid=false");
            failures.Add($"the SEPA export was refused: {outcome.Message}");
            return failures;
        }

        var file = outcome.Value!;
        var validation = Stopwatch.StartNew();
        var violations = SepaSchema.Validate(file.Content);
        validation.Stop();
        var valid = violations.Count == 0 && file.NumberOfTransactions == transfers && file.ControlSum == payouts.Sum(p => p.Amount);
        Console.WriteLine($"sepa_transfers={file.NumberOfTransactions}");
        Console.WriteLine($"sepa_file_mb={(file.Content.Length / 1024d / 1024d).ToString("0.0", invariant)}");
        Console.WriteLine($"sepa_export_s={watch.Elapsed.TotalSeconds.ToString("0.00", invariant)}");
        Console.WriteLine($"sepa_validate_s={validation.Elapsed.TotalSeconds.ToString("0.00", invariant)}");
        Console.WriteLine($"sepa_valid={(valid ? "true" : "false")}");
        if (watch.Elapsed.TotalSeconds >= TargetSeconds)
        {
            failures.Add($"sepa_export_s {watch.Elapsed.TotalSeconds.ToString("0.00", invariant)} >= {TargetSeconds.ToString(invariant)}");
        }

        if (!valid)
        {
            failures.Add("the SEPA file does not validate or its count or control sum is wrong: " + string.Join(" ", violations.Take(3)));
        }

        return failures;
    }

    /// <summary>A random German IBAN with correct check digits (98 − the mod 97 of the BBAN followed by „DE00“).</summary>
    private static Iban GermanIban(Random random)
    {
        var bban = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + random.Next(10))));
        var remainder = 0;
        foreach (var c in bban + "131400")
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        return Iban.Parse($"DE{98 - remainder:D2}{bban}");
    }
}
