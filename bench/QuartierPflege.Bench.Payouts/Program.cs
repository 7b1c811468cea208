using QuartierPflege.Bench.Payouts;

// bench/payouts (issue 11): the SEPA export of a run of 20,000 payouts under 5 s, and the file validates.
// Preparing the run (prepare_run_s=, 20,000 volunteers and 600,000 activities) is measured by the run model's part.
// Run through `ops/bench payouts`.
const int Transfers = 20_000;

var failures = SepaExportBench.Run(Transfers);
Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;
