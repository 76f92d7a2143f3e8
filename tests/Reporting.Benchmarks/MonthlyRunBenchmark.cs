using System.Diagnostics;
using Azure.Data.Tables;
using Reporting.Core.Periods;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// The monthly run at scale: N departments x K KPIs with twelve months of figures in storage, rendered by the real
/// `reporting render` process (load, score, render, upload). Wall time and the process's peak resident memory. Its
/// load is compared with the emulator's own ceiling, measured just before and just after the run: the same twelve
/// month partitions read by bare table queries, as many at once as the load reads, 1,000-row pages, only the columns
/// the load needs, each row deserialised as a plain <see cref="TableEntity"/> and then dropped.
/// </summary>
internal static class MonthlyRunBenchmark
{
    public sealed record Point(int Departments, int Figures, double Seconds, double PeakMegabytes, int Files, Breakdown Parts, double PageMs, Ceiling Ceiling, double SeedSeconds, double FiguresAlone, double RowsItReads)
    {
        /// <summary>The figures alone over the emulator returning every row the load reads (the pointers too), bare.</summary>
        public double FiguresAloneOverRowsItReads => FiguresAlone / RowsItReads;

        /// <summary>The load phase over the emulator's ceiling for the same rows.</summary>
        public double LoadRatio => Parts.Load / Ceiling.Seconds;

        /// <summary>The storage layer's load of the figures alone over the same ceiling.</summary>
        public double FiguresAloneRatio => FiguresAlone / Ceiling.Seconds;

        /// <summary>Everything but reading the figures from the emulator: what our code spends.</summary>
        public double WithoutLoad => Parts.Score + Parts.Render + Parts.Upload;
    }

    /// <summary>The emulator's time to return the same rows to bare parallel partition queries, before and after the run.</summary>
    public sealed record Ceiling(double Before, double After)
    {
        public double Seconds => (Before + After) / 2;

        public override string ToString() => $"{Seconds:0.0} s ({Before:0.0} s before the run, {After:0.0} s after)";
    }

    public sealed record Breakdown(double Load, double Score, double Render, double Upload)
    {
        public override string ToString() => $"load {Load:0.0} s, score {Score:0.0} s, render {Render:0.0} s, upload {Upload:0.0} s";
    }

    public static async Task<Point> RunAsync(string connection, int departments, int kpis, Period period)
    {
        var account = BenchmarkStorage.Account(connection, $"run{departments}");
        await account.EnsureCreatedAsync([]);
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(departments, kpis), default);
        var seed = Stopwatch.StartNew();
        var figures = await SeedAsync(account, departments, kpis, period);
        seed.Stop();

        var before = await CeilingAsync(connection, account, period, figures);
        var (seconds, peak, output) = await RenderInChildProcessAsync(account, period);
        var after = await CeilingAsync(connection, account, period, figures);
        var alone = await FiguresAloneAsync(account, period, figures);
        var rowsItReads = await CeilingAsync(connection, account, period, figures, withPointers: true);
        var files = (await new ScorecardBlobs(account).ListAsync(period, default)).Count;
        if (files != departments + 2)
        {
            throw new InvalidOperationException($"expected {departments + 2} files, found {files}:\n{output}");
        }

        var parts = System.Text.RegularExpressions.Regex.Match(output, @"load (?<l>[0-9.]+) s, score (?<s>[0-9.]+) s, render (?<r>[0-9.]+) s, upload (?<u>[0-9.]+) s");
        double Part(string name) => double.Parse(parts.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Point(departments, figures, seconds, peak, files, new Breakdown(Part("l"), Part("s"), Part("r"), Part("u")), await OnePageAsync(account, period), new Ceiling(before, after), seed.Elapsed.TotalSeconds, alone, rowsItReads);
    }

    // The emulator's ceiling for the load: the twelve months read as the load reads them (a query per month partition,
    // as many at once, 1,000-row pages), by a table client with nothing added to the SDK's pipeline, selecting only the
    // columns a figure needs; rows are counted and dropped. With the pointers: each month's in-force pointers are read
    // first, as the load reads them (it needs them to know which rows are in force), then the figure rows.
    private static async Task<double> CeilingAsync(string connection, ReportingStorageAccount account, Period period, int figures, bool withPointers = false)
    {
        var table = new TableServiceClient(connection).GetTableClient(account.Options.FigureTable);
        var months = Enumerable.Range(0, 12).Select(m => period.AddMonths(-m).ToString()).ToList();
        // The rows the load reads (a department's month is one chunk of its figures, FigureChunkEntity), with the columns it reads.
        string[] columns = ["Department", "SubmissionId", "Figures", "FigureCount"];
        var read = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(months, new ParallelOptions { MaxDegreeOfParallelism = KpiFigureTable.ParallelQueries }, async (month, token) =>
        {
            if (withPointers)
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(FigurePointerEntity.InMonth(month), 1000, cancellationToken: token).AsPages())
                {
                }
            }

            await foreach (var page in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {month} and RowKey lt {"~"}"), 1000, columns, token).AsPages())
            {
                Interlocked.Add(ref read, page.Values.Sum(row => row.GetInt32("FigureCount") ?? 0));
            }
        });
        watch.Stop();
        return read == figures ? watch.Elapsed.TotalSeconds : throw new InvalidOperationException($"the ceiling read {read} figures, not {figures}");
    }

    // The figures alone, as the run's load reads them (KpiFigureTable.LoadAsync: pointers, rows, the figures decoded), in
    // this warm process: the run's load phase also reads and parses the strategy (7.5 MB of YAML at 1,000 departments)
    // and the received times, in a fresh process. Best of three.
    private static async Task<double> FiguresAloneAsync(ReportingStorageAccount account, Period period, int figures)
    {
        var table = new KpiFigureTable(account);
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var loaded = await table.LoadAsync(period.AddMonths(-11), period, default);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            if (loaded.Count != figures)
            {
                throw new InvalidOperationException($"the load read {loaded.Count} figures, not {figures}");
            }
        }

        return best;
    }

    // How long the emulator takes to return one 1,000-row page of one month, with the table at this size.
    private static async Task<double> OnePageAsync(ReportingStorageAccount account, Period period)
    {
        var table = account.Table(account.Options.FigureTable);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}");
        async Task OnePage()
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, 1000).AsPages())
            {
                break;
            }
        }

        await OnePage();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await OnePage();
        }

        return watch.Elapsed.TotalMilliseconds / 5;
    }

    private static async Task<int> SeedAsync(ReportingStorageAccount account, int departments, int kpis, Period period)
    {
        var table = account.Table(account.Options.FigureTable);
        await table.CreateIfNotExistsAsync();
        var groups = GeneratedOrganisation.Figures(departments, kpis, period, 12)
            .GroupBy(f => (f.Period, f.DepartmentId))
            .Select(g => g.ToList())
            .ToList();
        // Seeded through the storage layer's own publish (rows, then the month's pointer), as ingestion stores them.
        var figureTable = new KpiFigureTable(account);
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (group, token) =>
        {
            var stamp = new SubmissionStamp(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), $"{group[0].Period}.csv", "\"seed\"");
            await figureTable.PublishAsync(group[0].DepartmentId, group[0].Period, stamp, group, null, token);
        });
        return groups.Sum(g => g.Count);
    }

    private static async Task<(double Seconds, double PeakMegabytes, string Output)> RenderInChildProcessAsync(ReportingStorageAccount account, Period period)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "reporting.dll"), "render", "--period", period.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in BenchmarkStorage.Settings(account))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peakKilobytes = 0;
        while (!process.HasExited)
        {
            peakKilobytes = Math.Max(peakKilobytes, PeakResidentKilobytes(process.Id));
            await Task.Delay(25);
        }

        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"reporting render failed ({process.ExitCode}):\n{await output}{await errors}");
        }

        return (watch.Elapsed.TotalSeconds, peakKilobytes / 1024.0, await output);
    }

    // VmHWM: the process's peak resident set so far, from Linux's /proc.
    private static long PeakResidentKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
