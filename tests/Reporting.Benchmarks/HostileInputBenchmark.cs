using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing;
using Reporting.Testing.Hostile;

namespace Reporting.Benchmarks;

/// <summary>
/// For the worst generated hostile input of each kind (by the bytes its checks allocate), the checks' allocation, peak
/// heap and time against reading the same bytes bare (<see cref="BareRead"/>), measured in the same run. Printed, never
/// asserted; the bounds the tests hold are in HostileUploadCostTests.
/// </summary>
internal static class HostileInputBenchmark
{
    private const int Repeats = 3;

    public static string Run()
    {
        var rules = new SubmissionRules { CurrentPeriod = new Period(2026, 11) };
        var department = new Department("sales", "Sales", "Amara", [new KpiBuilder("reach").Named("New customers reached").Target(1000), new KpiBuilder("yield").Target(80)]);
        var secret = Path.Combine(Path.GetTempPath(), $"hostile-benchmark-{Environment.ProcessId}.txt");
        File.WriteAllText(secret, "not to be read");
        try
        {
            var reader = new SubmissionReader(rules);
            var uploads = HostileCsv.Cases(rules.MaxBytes).Concat(HostileWorkbooks.Cases(rules.MaxUnzippedBytes, secret))
                .Select(c => (Cost: HostileCost.OfUpload(c, reader, department), Checks: (Action)(() => reader.Read(new MemoryStream(c.Bytes, false), department, c.FileName)),
                    Bare: (Action)(() => _ = c.FileName.EndsWith(".xlsx", StringComparison.Ordinal) ? BareRead.Workbook(c.Bytes) : BareRead.Csv(c.Bytes))));
            var strategies = HostileStrategies.Cases(StrategyYaml.MaxCharacters)
                .Select(c => (Cost: HostileCost.OfStrategy(c), Checks: (Action)(() => StrategyYaml.Parse(Encoding.UTF8.GetString(c.Bytes))), Bare: (Action)(() => BareRead.Yaml(c.Bytes))));
            // Kept per kind as the cases stream past, so only the worst of each is held.
            var worst = new Dictionary<string, (HostileCost Cost, Action Checks, Action Bare)>();
            foreach (var measured in uploads.Concat(strategies))
            {
                if (!worst.TryGetValue(measured.Cost.Case.Kind, out var kept) || measured.Cost.AllocatedBytes > kept.Cost.AllocatedBytes)
                {
                    worst[measured.Cost.Case.Kind] = measured;
                }
            }

            var table = new StringBuilder("| kind | worst case | bytes | answer | checks: allocated | checks: peak heap | checks: time | bare read: allocated | bare read: peak heap | bare read: time | time, checks / bare |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            foreach (var (cost, checks, bare) in worst.Values)
            {
                var c = Measure(checks);
                var b = Measure(bare);
                table.Append(CultureInfo.InvariantCulture,
                    $"| {cost.Case.Kind} | {cost.Case.Name} | {cost.Case.Bytes.Length:N0} | {cost.AnswerBytes:N0} B | {Mb(c.Allocated)} | {Mb(c.Peak)} | {c.Time.TotalMilliseconds:N0} ms | {Mb(b.Allocated)} | {Mb(b.Peak)} | {b.Time.TotalMilliseconds:N0} ms | {c.Time / b.Time:0.0}x |\n");
            }

            return table.ToString();
        }
        finally
        {
            File.Delete(secret);
        }
    }

    // The median of a few runs' time; allocation on this thread (the checks are synchronous); the heap's peak growth
    // sampled every millisecond from a full collection before the run.
    private static (long Allocated, long Peak, TimeSpan Time) Measure(Action action)
    {
        var runs = new List<(long, long, TimeSpan)>();
        for (var i = 0; i < Repeats; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(false);
            var peak = 0L;
            using var done = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                while (!done.IsSet)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                    done.Wait(1);
                }
            });
            sampler.Start();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
            done.Set();
            sampler.Join();
            runs.Add((allocated, peak, watch.Elapsed));
        }

        var median = runs.OrderBy(r => r.Item3).ElementAt(Repeats / 2);
        return (median.Item1, runs.Max(r => r.Item2), median.Item3);
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N1} MB");
}
