using Reporting.Core.Periods;
using Reporting.Testing;
using Reporting.Core.Submissions;

namespace Reporting.IntegrationTests;

/// <summary>
/// An upload may declare when it was received (blob metadata, for sample data); only a host told to trust it takes the
/// time, only when it is earlier than the storage service's, and "newest wins" then orders by that same time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeclaredReceivedTimeTests(AzuriteFixture azurite)
{
    private static readonly Period September = new(2026, 9);
    private static readonly DateTimeOffset BeforeTheDeadline = new(2026, 10, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> Trusting = new() { ["Reporting:TrustDeclaredReceivedTime"] = "true" };

    private static string Csv(double newCustomers) =>
        new SubmissionCsvBuilder("2026-09").WithRow("new-customers", newCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture)).BuildText();

    private static async Task<double> NewCustomersAsync(PipelineWithoutHost pipeline) =>
        (await pipeline.Figures.LoadAsync(September, September, default)).Single(f => f.DepartmentId == "sales" && f.KpiId == "new-customers").Value;

    [Fact]
    public async Task Ingest_SettingOff_DeclaredTimeIgnoredAndStorageTimeRecorded()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var before = TimeProvider.System.GetUtcNow(); // the storage service stamps uploads with the real clock, to whole seconds
        var upload = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111), BeforeTheDeadline);
        var after = TimeProvider.System.GetUtcNow();
        Assert.Equal(BeforeTheDeadline, upload.DeclaredReceivedUtc); // the metadata is there and read

        await pipeline.Ingestion.IngestAsync(upload, default);

        var record = await pipeline.History.FindAsync("sales", "2026-09.csv", upload.ETag, default);
        Assert.Equal(SubmissionStatus.Accepted, record!.Status);
        Assert.Equal(upload.ReceivedUtc, record.ReceivedUtc);
        Assert.InRange(record.ReceivedUtc, before.AddSeconds(-1), after.AddSeconds(1)); // the storage service's time, not the declared one
        Assert.Equal(upload.ReceivedUtc, (await pipeline.Figures.InForceAsync("sales", September, default))!.ReceivedUtc);
    }

    [Fact]
    public async Task Ingest_SettingOnAndEarlierDeclaredTime_DeclaredTimeIsTheReceivedTime()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Trusting);
        var upload = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111), BeforeTheDeadline);

        await pipeline.Ingestion.IngestAsync(upload, default);

        Assert.Equal(BeforeTheDeadline, (await pipeline.History.FindAsync("sales", "2026-09.csv", upload.ETag, default))!.ReceivedUtc);
        Assert.Equal(BeforeTheDeadline, (await pipeline.Figures.InForceAsync("sales", September, default))!.ReceivedUtc);
    }

    [Fact]
    public async Task Ingest_SettingOnAndDeclaredTimeAfterStorageTime_IgnoredSoTheOldFileCannotBeatANewerOne()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Trusting);
        var old = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // storage times have whole seconds; the newer upload lands in a later one
        var newer = await pipeline.UploadAsync("sales", "2026-09 corrected.csv", Csv(2222));

        await pipeline.Ingestion.IngestAsync(newer, default);
        await pipeline.Ingestion.IngestAsync(old, default);

        Assert.Equal(2222, await NewCustomersAsync(pipeline));
        Assert.Equal("superseded", (await pipeline.AnswerAsync("sales", "2026-09.csv")).GetProperty("status").GetString());
        Assert.Equal(old.ReceivedUtc, (await pipeline.History.FindAsync("sales", "2026-09.csv", old.ETag, default))!.ReceivedUtc);
    }

    [Fact]
    public async Task Ingest_SettingOnAndTwoDeclaredTimes_NewestByDeclaredTimeWinsWhateverTheUploadOrder()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Trusting);
        var later = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111), BeforeTheDeadline.AddDays(1));
        var earlier = await pipeline.UploadAsync("sales", "2026-09 first draft.csv", Csv(2222), BeforeTheDeadline.AddDays(-1)); // uploaded second

        await pipeline.Ingestion.IngestAsync(later, default);
        await pipeline.Ingestion.IngestAsync(earlier, default);

        Assert.Equal(1111, await NewCustomersAsync(pipeline));
        Assert.Equal("superseded", (await pipeline.AnswerAsync("sales", "2026-09 first draft.csv")).GetProperty("status").GetString());
        Assert.Equal(BeforeTheDeadline.AddDays(1), (await pipeline.Figures.InForceAsync("sales", September, default))!.ReceivedUtc);
    }
}
