using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Azure.Data.Tables;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// One bulk submission through the real pipeline (upload, our trigger, parse, validate, store, answer), against the
/// emulator's ceiling measured in the same run: the same entities written directly in 100-entity batch transactions.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(string connection, BenchmarkSettings settings, Period period)
    {
        var rows = settings.IngestRows;
        var account = BenchmarkStorage.Account(connection, "ingest");
        await account.EnsureCreatedAsync([GeneratedOrganisation.DepartmentId(1)]);
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(1, rows), default);
        var hostSettings = BenchmarkStorage.Settings(account);
        hostSettings["submissions:maxRows"] = (rows + 1).ToString();
        hostSettings["submissions:maxBytes"] = (64 * 1024 * 1024).ToString();
        using var host = ReportingHost.CreateBuilder([], hostSettings).Build();
        await host.StartAsync();

        // A long-running host is warm: one small upload first, so start-up (JIT, the strategy's first parse) is not counted.
        var blobs = new SubmissionBlobs(account);
        await UploadAndWaitAsync(blobs, $"{period.Previous()}.csv", Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period.Previous(), 10, 1)));

        var csv = Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period, rows, 1));
        var pipeline = Stopwatch.StartNew();
        var answer = await UploadAndWaitAsync(blobs, $"{period}.csv", csv);
        pipeline.Stop();
        var processing = TimeSpan.FromMilliseconds(JsonDocument.Parse(answer).RootElement.GetProperty("processingMs").GetInt64());
        await host.StopAsync();
        var stored = (await new KpiFigureTable(account).LoadAsync(period, period, default)).Count;
        if (stored != rows)
        {
            throw new InvalidOperationException($"the pipeline stored {stored} figures, not {rows}");
        }

        var ceiling = await RawBatchesAsync(account, rows, period);
        var single = await RawSingleRowsAsync(account, settings.SingleRowWrites, period);
        var pipelineRate = rows / processing.TotalSeconds;
        var ceilingRate = rows / ceiling.TotalSeconds;
        var ratio = pipelineRate / ceilingRate;
        return
        [
            new("1. Ingest", $"pipeline, {rows:N0}-row submission: read, parse, validate, store, answer", $"{processing.TotalSeconds:0.00} s = {pipelineRate:N0} rows/s", "", ""),
            new("1. Ingest", "the same, from upload to answer (adds the trigger's wait for its next scan; looked for every 250 ms)", $"{pipeline.Elapsed.TotalSeconds:0.00} s = {rows / pipeline.Elapsed.TotalSeconds:N0} rows/s", "", ""),
            new("1. Ingest", "ceiling: same entities, 100-entity batches, direct", $"{ceiling.TotalSeconds:0.00} s = {ceilingRate:N0} rows/s", "", ""),
            new("1. Ingest", "pipeline / ceiling", $"{ratio:0.00}", ">= 0.70", ratio >= 0.7 ? "met" : "missed"),
            new("1. Ingest", $"single-row writes ({settings.SingleRowWrites:N0})", $"{settings.SingleRowWrites / single.TotalSeconds:N0} rows/s = {single.TotalSeconds / settings.SingleRowWrites * 1000:0.00} ms/row", "", $"batches {ceilingRate / (settings.SingleRowWrites / single.TotalSeconds):0}x faster"),
        ];
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

    private static async Task<TimeSpan> RawBatchesAsync(Reporting.Storage.ReportingStorageAccount account, int rows, Period period)
    {
        var table = account.Table(account.Options.FigureTable + "raw");
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(1, rows).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(period, k))));
        }

        return watch.Elapsed;
    }

    private static async Task<TimeSpan> RawSingleRowsAsync(Reporting.Storage.ReportingStorageAccount account, int rows, Period period)
    {
        var table = account.Table(account.Options.FigureTable + "single");
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        for (var k = 1; k <= rows; k++)
        {
            await table.UpsertEntityAsync(Entity(period, k), TableUpdateMode.Replace);
        }

        return watch.Elapsed;
    }

    private static KpiFigureEntity Entity(Period period, int k) => new()
    {
        PartitionKey = period.ToString(),
        RowKey = KpiFigureEntity.RowKeyFor(GeneratedOrganisation.DepartmentId(1), "raw", GeneratedOrganisation.KpiId(k)),
        Department = GeneratedOrganisation.DepartmentId(1),
        Kpi = GeneratedOrganisation.KpiId(k),
        Value = k,
        SubmissionId = "raw",
    };
}
