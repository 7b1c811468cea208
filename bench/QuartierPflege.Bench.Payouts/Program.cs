using QuartierPflege.Bench.Payouts;

// bench/payouts (issue 11): preparing the run of a month with 20,000 volunteers and 600,000 confirmed activities under
// 20 s, the SEPA export of a run of 20,000 payouts under 5 s, and the file validates. Run through `ops/bench payouts`.
const int Volunteers = 20_000;
const int Activities = 600_000;
const int Transfers = 20_000;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench payouts.");

var failures = await PrepareRunBench.RunAsync(connectionString, Volunteers, Activities);
failures.AddRange(SepaExportBench.Run(Transfers));
Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;
