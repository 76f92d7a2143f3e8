using System.Diagnostics;
using Reporting.Benchmarks;
using Reporting.Core.Periods;
using Reporting.LocalDev;
using Reporting.Storage.Tables;

// Benchmarks: ingest, trigger latency, rendering and the monthly run at scale, against one private Azurite.
// Usage: dotnet run -c Release --project tests/Reporting.Benchmarks -- [--quick (default) | --full] [--no-docs] [--monthly-only N,N | --ingest-only | --render-only | --idle-only | --hostile-only] [--period YYYY-MM]
// --hostile-only: the worst generated hostile input of each kind, its checks against reading the same bytes bare (no
// emulator); never writes the docs.
if (args.Contains("--hostile-only"))
{
    Console.WriteLine($"Benchmark: hostile inputs, checks against a bare read of the same bytes. Machine: {MachineInfo.Describe()}");
    Console.WriteLine(HostileInputBenchmark.Run());
    return;
}

var settings = args.Contains("--full") ? BenchmarkSettings.Full : BenchmarkSettings.Quick;
var writeDocs = !args.Contains("--no-docs");
// --monthly-only 300,1000: only the monthly run, at these sizes (for investigating it); never writes the docs.
var monthlyOnly = Array.IndexOf(args, "--monthly-only") is >= 0 and var at && at + 1 < args.Length
    ? args[at + 1].Split(',').Select(int.Parse).ToList()
    : null;
if (monthlyOnly is not null)
{
    settings = settings with { MonthlyRunDepartments = monthlyOnly };
    writeDocs = false;
}

// The scan-cost scenario (--scan-only) measured the old host's own blob trigger, gone with the move to the Functions
// isolated worker; its section of docs/benchmarks.md is kept as the record of what that host cost.
// --ingest-only: only the ingest scenario (for investigating it); never writes the docs.
var ingestOnly = args.Contains("--ingest-only");
// --idle-only: only the idle-cost scenario (for investigating it); never writes the docs.
var idleOnly = args.Contains("--idle-only");
writeDocs &= !ingestOnly && !idleOnly;
var watch = Stopwatch.StartNew();
// --render-only: only the rendering scenario (in memory, no emulator); never writes the docs.
if (args.Contains("--render-only"))
{
    var renderPeriod = Array.IndexOf(args, "--period") is >= 0 and var rp && rp + 1 < args.Length ? Period.Parse(args[rp + 1]) : BenchmarkSettings.Period;
    Console.WriteLine($"Benchmarks, rendering only, {settings.Mode} mode, period {renderPeriod}. Machine: {MachineInfo.Describe()}");
    Console.WriteLine(BenchmarkReport.Table(RenderBenchmark.Run(settings, renderPeriod)));
    return;
}

// A fixed period, so the figures (and the months read) do not depend on the day the benchmark runs.
var period = Array.IndexOf(args, "--period") is >= 0 and var p && p + 1 < args.Length ? Period.Parse(args[p + 1]) : BenchmarkSettings.Period;
Console.WriteLine($"Benchmarks, {settings.Mode} mode, period {period}. Machine: {MachineInfo.Describe()}");

await using var azurite = await AzuriteEmulator.StartAsync(Console.WriteLine);
var results = new List<Measurement>();

if (monthlyOnly is null && !idleOnly)
{
    Console.WriteLine("1. ingest ...");
    results.AddRange(await IngestBenchmark.RunAsync(azurite.ConnectionString, settings, period));
    if (ingestOnly)
    {
        Console.WriteLine(BenchmarkReport.Table(results));
        return;
    }

    Console.WriteLine("2. trigger latency ...");
    results.AddRange(await TriggerLatencyBenchmark.RunAsync(azurite.ConnectionString, settings, period));
    Console.WriteLine("3. rendering ...");
    results.AddRange(RenderBenchmark.Run(settings, period));
}

if (monthlyOnly is null)
{
    Console.WriteLine($"5. idle cost, {string.Join(" and ", settings.IdleDepartments)} departments ...");
    results.AddRange(await IdleCostBenchmark.RunAsync(azurite.ConnectionString, settings.IdleDepartments));
    if (idleOnly)
    {
        Console.WriteLine(BenchmarkReport.Table(results));
        return;
    }
}

var points = new List<MonthlyRunBenchmark.Point>();
foreach (var departments in settings.MonthlyRunDepartments)
{
    Console.WriteLine($"4. monthly run, {departments} departments ...");
    var point = await MonthlyRunBenchmark.RunAsync(azurite.ConnectionString, departments, settings.MonthlyRunKpis, period);
    points.Add(point);
    var goals = departments >= 1000;
    results.Add(new Measurement("4. Monthly run",
        $"{departments:N0} departments x {settings.MonthlyRunKpis} KPIs, 12 months ({point.Figures:N0} figures): load, score, render, upload ({point.Files} files)",
        $"{point.Seconds:0.0} s, peak {point.PeakMegabytes:N0} MB ({point.Parts}); the emulator returns one 1,000-row page in {point.PageMs:N0} ms; seeded in {point.SeedSeconds:0} s ({point.Figures / point.SeedSeconds:N0} rows/s, 8 batches at once, Azure-rules policy on)",
        goals ? "< 60 s, < 1 GiB" : "",
        goals ? (point.Seconds < 60 && point.PeakMegabytes < 1024 ? "met" : "missed") : ""));
    results.Add(new Measurement("4. Monthly run",
        $"{departments:N0} departments: load phase / the emulator's ceiling (bare parallel queries of the same 12 months, {KpiFigureTable.ParallelQueries} at once, 1,000-row pages, 4 columns)",
        $"{point.Parts.Load:0.0} s / {point.Ceiling} = {point.LoadRatio:0.00}",
        goals ? "<= 1.5" : "",
        goals ? (point.LoadRatio <= 1.5 ? "met" : "missed") : ""));
    results.Add(new Measurement("4. Monthly run",
        $"{departments:N0} departments: the figures alone (KpiFigureTable.LoadAsync of the same 12 months in the benchmark's warm process, best of 3) / the same ceiling",
        $"{point.FiguresAlone:0.00} s / {point.Ceiling.Seconds:0.00} s = {point.FiguresAloneRatio:0.00}",
        goals ? "<= 1.5" : "",
        goals ? (point.FiguresAloneRatio <= 1.5 ? "met" : "missed") : ""));
    results.Add(new Measurement("4. Monthly run",
        $"{departments:N0} departments: the figures alone / every row the load reads (each month's in-force pointers, then its figure rows), bare, same run",
        $"{point.FiguresAlone:0.00} s / {point.RowsItReads:0.00} s = {point.FiguresAloneOverRowsItReads:0.00}",
        goals ? "<= 1.5" : "",
        goals ? (point.FiguresAloneOverRowsItReads <= 1.5 ? "met" : "missed") : ""));
}

var first = points[0];
var last = points[^1];
var scale = (double)last.Departments / first.Departments;
var growth = last.Seconds / first.Seconds / scale;
var ours = last.WithoutLoad / first.WithoutLoad / scale;
results.Add(new Measurement("4. Monthly run", $"growth {first.Departments} -> {last.Departments} departments, relative to linear: whole run", $"{growth:0.00}x", "<= 1 (no faster than linear)", growth <= 1.05 ? "met" : "missed"));
results.Add(new Measurement("4. Monthly run", "the same without reading from the emulator (score, render, upload)", $"{ours:0.00}x", "<= 1", ours <= 1.05 ? "met" : "missed"));
results.Add(new Measurement("4. Monthly run", "the emulator's time for one 1,000-row page, smallest to largest table",
    $"{first.PageMs:N0} ms -> {last.PageMs:N0} ms ({last.PageMs / first.PageMs:0.0}x for {(double)last.Figures / first.Figures:0.#}x the rows)", "", "a page costs more as the table grows"));

Console.WriteLine();
Console.WriteLine(BenchmarkReport.Table(results));
if (writeDocs)
{
    var docs = Path.Combine(AzuriteInstallation.FindRepositoryRoot(), "docs");
    GrowthChart.Write(points, Path.Combine(docs, "benchmarks-monthly-run.png"));
    var notes = File.ReadAllText(Path.Combine(AzuriteInstallation.FindRepositoryRoot(), "tests", "Reporting.Benchmarks", "notes.md"));
    var kept = ScanCostSection.Read(Path.Combine(docs, "benchmarks.md")); // measured by --scan-only; a full run keeps it
    File.WriteAllText(Path.Combine(docs, "benchmarks.md"), BenchmarkReport.Markdown(settings, MachineInfo.Describe(), watch.Elapsed, results, notes) + kept);
    Console.WriteLine($"Wrote docs/benchmarks.md and docs/benchmarks-monthly-run.png ({watch.Elapsed.TotalMinutes:0.0} min).");
}
