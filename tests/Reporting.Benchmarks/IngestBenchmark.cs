using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// One bulk submission through the real pipeline (upload, our trigger, parse, validate, store, answer), against the
/// emulator's bare ceiling measured in the same run: the same entities written directly in 100-entity batch
/// transactions by a table client with nothing added to the SDK's pipeline, one at a time and as many at once as the
/// pipeline sends. The pipeline is measured as deployed (against Azure the Azure-rules policy is off: the service checks
/// its rules itself) and with the policy, as it runs against the emulator by default; the ceiling's batches are also
/// sent through the policy, to show what it costs. Each is measured <see cref="BenchmarkSettings.IngestRounds"/> times,
/// interleaved, and the best taken (the machine is shared, and the best of a few is the figure least disturbed by
/// others); the ratio is also given round by round.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(string connection, BenchmarkSettings settings, Period period)
    {
        var rows = settings.IngestRows;
        var bareTables = new TableServiceClient(connection);
        var deployed = new List<TimeSpan>();          // as against Azure: the service checks its rules itself
        var withRules = new List<TimeSpan>();         // as against the emulator by default: Azure's rules checked first
        var uploadToAnswer = new List<TimeSpan>();
        var ceiling = new List<TimeSpan>();
        var ceilingParallel = new List<TimeSpan>();
        var ceilingWithRules = new List<TimeSpan>();
        var sameRows = new List<TimeSpan>();          // the rows the pipeline wrote (its figures in chunks), written bare
        var storedRows = 0;
        var storeAlone = new List<TimeSpan>();
        var paired = new List<double>();
        for (var round = 0; round < settings.IngestRounds; round++)
        {
            // Each measurement writes into tables of its own, empty but for the warm-up's few rows, and drops them after:
            // the emulator's writes slow down as a table grows, and its memory (so its garbage collector's work) as the
            // account does, and the rounds are to differ only by the machine's noise.
            var asDeployed = await PrepareAsync(connection, $"ingest{round}", rows, enforceRules: false);
            var (processing, elapsed) = await PipelineAsync(asDeployed, rows, period);
            deployed.Add(processing);
            uploadToAnswer.Add(elapsed);
            var written = await WrittenRowsAsync(asDeployed, period);
            storedRows = written.Count;
            await DropFiguresAsync(asDeployed);
            sameRows.Add(await RawBatchesAsync(bareTables.GetTableClient($"ingestrawsame{round}"), written, KpiFigureTable.ParallelBatches));
            ceiling.Add(await RawBatchesAsync(bareTables.GetTableClient($"ingestraw{round}"), PerFigure(rows, period), 1));
            ceilingParallel.Add(await RawBatchesAsync(bareTables.GetTableClient($"ingestrawpar{round}"), PerFigure(rows, period), KpiFigureTable.ParallelBatches));
            paired.Add(Min(ceiling[^1], ceilingParallel[^1]) / processing);
            var checkedFirst = await PrepareAsync(connection, $"ingestrules{round}", rows, enforceRules: true);
            withRules.Add((await PipelineAsync(checkedFirst, rows, period)).Processing);
            await DropFiguresAsync(checkedFirst);
            ceilingWithRules.Add(await RawBatchesAsync(checkedFirst.Table($"ingestrawrules{round}"), PerFigure(rows, period), KpiFigureTable.ParallelBatches));
            var alone = await PrepareAsync(connection, $"ingestalone{round}", rows, enforceRules: false);
            storeAlone.Add(await StoreAloneAsync(alone, rows, period));
            await DropFiguresAsync(alone);
        }

        var single = await RawSingleRowsAsync(bareTables.GetTableClient("ingestsingle"), settings.SingleRowWrites, period);
        double Rate(TimeSpan time) => rows / time.TotalSeconds;
        var best = deployed.Min();
        var bestWithRules = withRules.Min();
        // The emulator's ceiling is the faster of one batch at a time and as many at once as the pipeline sends.
        var bestCeiling = Min(ceiling.Min(), ceilingParallel.Min());
        var ratio = bestCeiling / best;
        var medianPaired = paired.Order().ElementAt(paired.Count / 2);
        var rulesCost = bestWithRules / best - 1;
        var sameRowsBest = sameRows.Min();
        var rulesCostOnBatches = ceilingWithRules.Min() / ceilingParallel.Min() - 1;
        string All(List<TimeSpan> times) => string.Join(", ", times.Select(t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)));
        var rounds = $"best of {settings.IngestRounds}";
        return
        [
            new("1. Ingest", $"pipeline as deployed, {rows:N0}-row submission: read, parse, validate, store, answer ({rounds})", $"{best.TotalSeconds:0.00} s = {Rate(best):N0} rows/s (each: {All(deployed)} s)", "", ""),
            new("1. Ingest", "the same, from upload to answer (adds the trigger's wait for its next scan; looked for every 250 ms)", $"{uploadToAnswer.Min().TotalSeconds:0.00} s = {Rate(uploadToAnswer.Min()):N0} rows/s", "", ""),
            new("1. Ingest", $"ceiling: the {rows:N0} figures stored one entity each (the layout before chunks), 100-entity batches, bare table client, one batch at a time ({rounds})", $"{ceiling.Min().TotalSeconds:0.00} s = {Rate(ceiling.Min()):N0} rows/s (each: {All(ceiling)} s)", "", ""),
            new("1. Ingest", $"ceiling: the same, {KpiFigureTable.ParallelBatches} batches at once ({rounds})", $"{ceilingParallel.Min().TotalSeconds:0.00} s = {Rate(ceilingParallel.Min()):N0} rows/s (each: {All(ceilingParallel)} s)", "", ""),
            new("1. Ingest", "pipeline / ceiling for the figures one entity each (the faster of the two; best against best)", $"{ratio:0.00}", ">= 0.90", ratio >= 0.9 ? "met" : "missed"),
            new("1. Ingest", "the same, round by round (each pipeline run against the ceilings measured right after it): median (all)", $"{medianPaired:0.00} ({string.Join(", ", paired.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})", "", ""),
            new("1. Ingest", $"the rows the pipeline wrote ({storedRows} entities: the figures in chunks), read back and written again by a bare table client, {KpiFigureTable.ParallelBatches} batches at once ({rounds})", $"{sameRowsBest.TotalSeconds:0.00} s (each: {All(sameRows)} s); pipeline / this: {sameRowsBest / best:0.00} (what is left is reading, parsing and checking the file, and answering)", "", ""),
            new("1. Ingest", $"pipeline with the Azure-rules policy, as on the emulator by default ({rounds})", $"{bestWithRules.TotalSeconds:0.00} s = {Rate(bestWithRules):N0} rows/s (each: {All(withRules)} s); {rulesCost:+0%;-0%;0%} on the deployed pipeline, {bestCeiling / bestWithRules:0.00} of the ceiling", "", Rules(rulesCost)),
            new("1. Ingest", $"Azure-rules policy: the ceiling's batches sent through it, {KpiFigureTable.ParallelBatches} at once ({rounds})", $"{ceilingWithRules.Min().TotalSeconds:0.00} s = {Rate(ceilingWithRules.Min()):N0} rows/s (each: {All(ceilingWithRules)} s); {rulesCostOnBatches:+0%;-0%;0%} on bare", "", Rules(rulesCostOnBatches)),
            new("1. Ingest", $"the storage layer alone: the same figures stored and put in force by KpiFigureTable.PublishAsync, no host, no file ({rounds})", $"{storeAlone.Min().TotalSeconds:0.00} s = {Rate(storeAlone.Min()):N0} rows/s (each: {All(storeAlone)} s); {bestCeiling / storeAlone.Min():0.00} of the ceiling", "", ""),
            new("1. Ingest", $"single-row writes ({settings.SingleRowWrites:N0})", $"{settings.SingleRowWrites / single.TotalSeconds:N0} rows/s = {single.TotalSeconds / settings.SingleRowWrites * 1000:0.00} ms/row", "", $"batches {Rate(bestCeiling) / (settings.SingleRowWrites / single.TotalSeconds):0}x faster"),
        ];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Within 5% is within what the machine's noise lets one run tell apart.
    private static string Rules(double cost) => cost <= 0.05 ? "no measurable cost" : $"costs {cost:0%}";

    private static async Task<Reporting.Storage.ReportingStorageAccount> PrepareAsync(string connection, string scenario, int rows, bool enforceRules)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Reporting.Storage.StorageOptions.Prefixed(connection, scenario));
        options.Value.EnforceAzureRules = enforceRules;
        var account = new Reporting.Storage.ReportingStorageAccount(options);
        await account.EnsureCreatedAsync([GeneratedOrganisation.DepartmentId(1)]);
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(1, rows), default);
        return account;
    }

    // One host for one measured upload: started, warmed, then the upload, then stopped, so no idle host polls the emulator during the other measurements.
    private static async Task<(TimeSpan Processing, TimeSpan Elapsed)> PipelineAsync(Reporting.Storage.ReportingStorageAccount account, int rows, Period period)
    {
        var hostSettings = BenchmarkStorage.Settings(account);
        hostSettings["submissions:maxRows"] = (rows + 1).ToString(CultureInfo.InvariantCulture);
        hostSettings["submissions:maxBytes"] = (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
        using var host = Reporting.LocalRunner.LocalRunnerHost.CreateBuilder([], hostSettings).Build();
        await host.StartAsync();

        // A long-running host is warm: one small upload first, so start-up (JIT, the strategy's first parse) is not counted.
        var blobs = new SubmissionBlobs(account);
        await UploadAndWaitAsync(blobs, $"{period.Previous()}.csv", Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period.Previous(), 10, 1)));

        var csv = Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period, rows, 1));
        Settle();
        var pipeline = Stopwatch.StartNew();
        var answer = await UploadAndWaitAsync(blobs, $"{period}.csv", csv);
        pipeline.Stop();
        await host.StopAsync();
        var processing = TimeSpan.FromMilliseconds(JsonDocument.Parse(answer).RootElement.GetProperty("processingMs").GetInt64());
        var stored = (await new KpiFigureTable(account).LoadAsync(period, period, default)).Count;
        if (stored != rows)
        {
            throw new InvalidOperationException($"the pipeline stored {stored} figures, not {rows}: {answer}");
        }

        return (processing, pipeline.Elapsed);
    }

    // Looks for the answer four times a second: the emulator is single-threaded, and asking more often would slow the pipeline it measures.
    private static async Task<string> UploadAndWaitAsync(SubmissionBlobs blobs, string name, byte[] csv)
    {
        await blobs.UploadAsync(GeneratedOrganisation.DepartmentId(1), name, new MemoryStream(csv), default);
        while (true)
        {
            if (await blobs.ReadResultJsonAsync(GeneratedOrganisation.DepartmentId(1), name, default) is { } answer)
            {
                return answer;
            }

            await Task.Delay(250);
        }
    }

    // Entities in batches of 100, or fewer when their text passes 1,000,000 characters (as the storage layer cuts them: a
    // batch is at most 4 MiB); made as they are sent, as the pipeline makes its own.
    private static async Task<TimeSpan> RawBatchesAsync(TableClient table, IEnumerable<TableEntity> entities, int atOnce)
    {
        await table.CreateIfNotExistsAsync();
        Settle();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(InBatches(entities), new ParallelOptions { MaxDegreeOfParallelism = atOnce },
            async (batch, token) => await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
        var elapsed = watch.Elapsed;
        await table.DeleteAsync();
        return elapsed;
    }

    private static IEnumerable<List<TableEntity>> InBatches(IEnumerable<TableEntity> entities)
    {
        var (batch, chars) = (new List<TableEntity>(), 0);
        foreach (var entity in entities)
        {
            var length = entity.GetString("Figures")?.Length ?? 0;
            if (batch.Count == 100 || (batch.Count > 0 && chars + length > 1_000_000))
            {
                yield return batch;
                (batch, chars) = ([], 0);
            }

            batch.Add(entity);
            chars += length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    // The figure rows the pipeline wrote for the month, as plain entities to write again elsewhere (the pointer not included).
    private static async Task<List<TableEntity>> WrittenRowsAsync(Reporting.Storage.ReportingStorageAccount account, Period period)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in account.Table(account.Options.FigureTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and RowKey lt {"~"}")))
        {
            row.ETag = default;
            row.Timestamp = null;
            rows.Add(row);
        }

        return rows;
    }

    private static IEnumerable<TableEntity> PerFigure(int rows, Period period) => Enumerable.Range(1, rows).Select(k => Entity(period, k));

    // What the pipeline's store step costs without the host around it: the figures already in memory.
    private static async Task<TimeSpan> StoreAloneAsync(Reporting.Storage.ReportingStorageAccount account, int rows, Period period)
    {
        var department = GeneratedOrganisation.DepartmentId(1);
        var figures = Enumerable.Range(1, rows).Select(k => new Reporting.Core.Submissions.KpiFigure(department, period, GeneratedOrganisation.KpiId(k), k, null)).ToList();
        var stamp = new SubmissionStamp(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), $"{period}.csv", "\"0x1\"");
        Settle();
        var watch = Stopwatch.StartNew();
        await new KpiFigureTable(account).PublishAsync(department, period, stamp, figures, null, default);
        return watch.Elapsed;
    }

    // Every measurement starts on a collected heap: the host's start-up (a 50,000-KPI strategy parsed) and the previous
    // measurements leave garbage a long-running process would have collected long before, and its collection in the
    // middle of a measurement is the machine's noise, not the pipeline's cost.
    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
    }

    private static Task DropFiguresAsync(Reporting.Storage.ReportingStorageAccount account) =>
        account.Table(account.Options.FigureTable).DeleteAsync();

    private static async Task<TimeSpan> RawSingleRowsAsync(TableClient table, int rows, Period period)
    {
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        for (var k = 1; k <= rows; k++)
        {
            await table.UpsertEntityAsync(Entity(period, k), TableUpdateMode.Replace);
        }

        return watch.Elapsed;
    }

    // One figure as one entity, as figures were stored before chunks (and as a submission of one KPI still is, in effect).
    private static TableEntity Entity(Period period, int k) => new(period.ToString(), $"{GeneratedOrganisation.DepartmentId(1)}|raw|{GeneratedOrganisation.KpiId(k)}")
    {
        ["Department"] = GeneratedOrganisation.DepartmentId(1),
        ["Kpi"] = GeneratedOrganisation.KpiId(k),
        ["Value"] = (double)k,
        ["SubmissionId"] = "raw",
    };
}
