using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>A render records what it read; anything put in force after that marks every month that reads it stale; renders of one month never overlap.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaleAndRenderLockTests(AzuriteFixture azurite)
{
    private static readonly Period September = new(2026, 9);
    private static readonly Period October = new(2026, 10);

    private static string Csv(Period period, double newCustomers) =>
        new SubmissionCsvBuilder(period.ToString()).WithRow("new-customers", newCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture)).BuildText();

    [Fact]
    public async Task CorrectionToSeptember_MarksSeptemberAndOctoberStale_NotAugust()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var first = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(September, 1000));
        await pipeline.Ingestion.IngestAsync(first, default);
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-10.csv", Csv(October, 1100)), default);
        var publisher = pipeline.Get<ScorecardPublisher>();
        foreach (var month in new[] { September.Previous(), September, October })
        {
            await publisher.PublishAsync(month, "test", default);
        }

        Assert.Empty(await pipeline.Get<ScorecardIndexStore>().ListStaleAsync(default));

        // The storage service stamps last-modified in whole seconds: the correction must be received in a later second than
        // the first file, or it may count as the older of the two (it failed so once on CI, when ingest had become fast
        // enough for both uploads, the renders between them included, to land in one second).
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var correction = await pipeline.UploadAsync("sales", "2026-09 corrected.csv", Csv(September, 1050));
        Assert.True(correction.ReceivedUtc > first.ReceivedUtc);
        await pipeline.Ingestion.IngestAsync(correction, default);

        Assert.Equal([September, October], await pipeline.Get<ScorecardIndexStore>().ListStaleAsync(default));
    }

    [Fact]
    public async Task SubmissionPutInForceDuringARender_LeavesTheMonthStale()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-10.csv", Csv(October, 1000)), default);
        var index = pipeline.Get<ScorecardIndexStore>();
        await pipeline.Get<ScorecardPublisher>().PublishAsync(October, "test", default);

        // A render reads its watermark, then HR's figures are put in force, then the render records its version.
        var watermark = await pipeline.Figures.WatermarkAsync(October.AddMonths(-11), October, default);
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "4").BuildText()), default);
        await index.RecordVersionAsync(October, new IndexedVersion(2, TestClock.Now, "test", "test", [], watermark), default);

        Assert.Equal([October], await index.ListStaleAsync(default));
    }

    [Fact]
    public async Task SecondRenderOfOneMonth_WaitsForTheFirst()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var renderLock = pipeline.Get<RenderLock>();
        var first = await renderLock.AcquireAsync(October, TimeSpan.FromSeconds(5), default);

        await Assert.ThrowsAsync<TimeoutException>(() => renderLock.AcquireAsync(October, TimeSpan.FromSeconds(3), default));
        await using (await renderLock.AcquireAsync(September, TimeSpan.FromSeconds(3), default))
        {
            // another month renders meanwhile
        }

        await first.DisposeAsync();
        await using var second = await renderLock.AcquireAsync(October, TimeSpan.FromSeconds(5), default);
    }
}
