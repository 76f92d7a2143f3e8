using Reporting.Storage.Blobs;
using Reporting.Core.Periods;
using Reporting.Storage.Tables;
using Reporting.Testing;
using Reporting.Core.Submissions;

namespace Reporting.IntegrationTests;

/// <summary>
/// Per department and month the newest upload, by the storage service's time, wins, whatever order the uploads are
/// processed in; each interleaving is forced by the test, never left to timing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NewestUploadWinsTests(AzuriteFixture azurite)
{
    private static readonly Period September = new(2026, 9);

    private static string Csv(double newCustomers) =>
        new SubmissionCsvBuilder("2026-09").WithRow("new-customers", newCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture)).BuildText();

    private static async Task<double> NewCustomersAsync(PipelineWithoutHost pipeline) =>
        (await pipeline.Figures.LoadAsync(September, September, default)).Single(f => f.DepartmentId == "sales" && f.KpiId == "new-customers").Value;

    // The storage service stamps last-modified in whole seconds; the second upload must land in a later one.
    private static Task NextSecondAsync() => Task.Delay(TimeSpan.FromSeconds(1.1));

    [Fact]
    public async Task TwoNamesOneMonth_NewerProcessedFirst_NewerStaysAndOlderIsAnsweredSuperseded()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var old = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111));
        await NextSecondAsync();
        var corrected = await pipeline.UploadAsync("sales", "2026-09 corrected.csv", Csv(2222));
        Assert.True(corrected.ReceivedUtc > old.ReceivedUtc);

        await pipeline.Ingestion.IngestAsync(corrected, default);
        await pipeline.Ingestion.IngestAsync(old, default);

        Assert.Equal(2222, await NewCustomersAsync(pipeline));
        var answer = await pipeline.AnswerAsync("sales", "2026-09.csv");
        Assert.Equal("superseded", answer.GetProperty("status").GetString());
        Assert.False(answer.GetProperty("inForce").GetBoolean());
        Assert.True((await pipeline.AnswerAsync("sales", "2026-09 corrected.csv")).GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task FirstFilesBytesUploadedAgainAfterACorrection_AreTheNewestUpload_AndInForce()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111)), default);
        await NextSecondAsync();
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-09.csv", Csv(2222)), default); // the correction
        await NextSecondAsync();

        // The department decides the first figures were right after all: the same name, the same bytes, a new upload.
        var again = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111));
        await pipeline.Ingestion.IngestAsync(again, default);

        Assert.Equal(1111, await NewCustomersAsync(pipeline));
        var answer = await pipeline.AnswerAsync("sales", "2026-09.csv");
        Assert.Equal(("accepted", true), (answer.GetProperty("status").GetString(), answer.GetProperty("inForce").GetBoolean()));
        Assert.Equal(3, (await pipeline.History.ListAsync("sales", default)).Count);
    }

    [Fact]
    public async Task SameVersionIngestedTwice_IsStoredOnce()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var upload = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111));
        var message = Reporting.Storage.Queues.SafetyNetEvent.For(upload.Container, upload.BlobName);
        var events = pipeline.Get<Reporting.Application.Uploads.SubmissionEvents>();

        await events.HandleAsync(message, default);
        await events.HandleAsync(message, default);

        Assert.Single(await pipeline.History.ListAsync("sales", default));
        Assert.Equal(1111, await NewCustomersAsync(pipeline));
    }

    [Fact]
    public async Task TwoFilesInTheSameStorageSecond_NothingFinerOnAzurite_TheAnswerSaysSoAndNamesTheFileInForce()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        SubmissionUpload first, second;
        do
        {
            // Azurite's Last-Modified has whole seconds: try until both uploads land in one (almost always the first try).
            first = await pipeline.UploadAsync("sales", "2026-09 a.csv", Csv(1111));
            second = await pipeline.UploadAsync("sales", "2026-09 b.csv", Csv(2222));
        }
        while (first.ReceivedUtc != second.ReceivedUtc);

        await pipeline.Ingestion.IngestAsync(first, default);
        await pipeline.Ingestion.IngestAsync(second, default);

        // The answer written second is the one that can know of the tie; it names the other file and the one in force.
        var inForce = (await pipeline.Figures.InForceAsync("sales", September, default))!.BlobName;
        var notes = string.Join(" ", (await pipeline.AnswerAsync("sales", second.BlobName)).GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("'2026-09 a.csv' and this file arrived in the same second", notes, StringComparison.Ordinal);
        Assert.Contains($"'{inForce}' is in force", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFilesInTheSameStorageSecond_EventTimesOrderThem()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var earlier = await pipeline.UploadAsync("sales", "2026-09 x.csv", Csv(1111));
        var later = await pipeline.UploadAsync("sales", "2026-09 y.csv", Csv(2222));
        var second = new DateTimeOffset(earlier.ReceivedUtc.UtcTicks - earlier.ReceivedUtc.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

        // As Event Grid reports them: both within the one storage second, the later file's event 0.4 s after the other's; processed newest first.
        await pipeline.Ingestion.IngestAsync(later with { ReceivedUtc = earlier.ReceivedUtc, EventTime = second.AddMilliseconds(500) }, default);
        await pipeline.Ingestion.IngestAsync(earlier with { EventTime = second.AddMilliseconds(100) }, default);

        Assert.Equal(2222, await NewCustomersAsync(pipeline));
        Assert.Equal("superseded", (await pipeline.AnswerAsync("sales", "2026-09 x.csv")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OlderOvertakenMidFlight_ItsWritesNeverLandOverTheNewer()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var v1 = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111));
        await NextSecondAsync();
        var v2 = await pipeline.UploadAsync("sales", "2026-09 v2.csv", Csv(2222));

        // v1 has checked its file and stored its rows; just before it puts them in force, v2 is processed whole.
        var reached = false;
        pipeline.Ingestion.BeforePutInForce = async (upload, token) =>
        {
            if (upload == v1)
            {
                reached = true;
                await pipeline.Ingestion.IngestAsync(v2, token);
            }
        };
        await pipeline.Ingestion.IngestAsync(v1, default);

        Assert.True(reached);
        Assert.Equal(2222, await NewCustomersAsync(pipeline));
        Assert.Equal("superseded", (await pipeline.AnswerAsync("sales", "2026-09.csv")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FailureAfterStore_ThenAttemptsRunOut_TheAnswerSaysTheFiguresAreInForce()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var upload = await pipeline.UploadAsync("sales", "2026-09.csv", Csv(1111));
        await pipeline.Ingestion.IngestAsync(upload, default);

        // Say a later step then failed on every attempt: the host hands the upload to the poison handler.
        await pipeline.Ingestion.HandleAsync(upload, 5, "the stale mark could not be written", default);

        Assert.Equal(1111, await NewCustomersAsync(pipeline));
        var answer = await pipeline.AnswerAsync("sales", "2026-09.csv");
        Assert.Equal("accepted", answer.GetProperty("status").GetString());
        Assert.True(answer.GetProperty("inForce").GetBoolean());
        var text = (await pipeline.Account.AnswerContainer("sales").GetBlobClient("2026-09.csv.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("Nothing was stored", text, StringComparison.Ordinal);
        Assert.Contains("1 figure are in force", text, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Accepted, (await pipeline.History.FindAsync("sales", "2026-09.csv", upload.ETag, default))!.Status);
    }
}
