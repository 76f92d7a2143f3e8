using System.Globalization;
using System.Text;
using Reporting.Application;
using Reporting.Application.Uploads;
using Reporting.Core.Submissions;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>The safety net's memory of answered uploads is bounded, and it puts the departments' uploads on the queue in turn.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadSafetyNetTests(AzuriteFixture azurite)
{
    private static Dictionary<string, string?> Settings(int maxRemembered) => new()
    {
        ["SafetyNet:MinimumAge"] = "00:00:00",
        ["SafetyNet:MaxRemembered"] = maxRemembered.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ManyAnsweredUploads_AtMostMaxRememberedAreRemembered_AndNoneIsEnqueuedAgain()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Settings(maxRemembered: 10));
        await AnsweredUploadsAsync(pipeline, "sales", 25);
        await UploadAsync(pipeline, "hr", "2026-10.csv");
        var safetyNet = pipeline.Get<UploadSafetyNet>();

        Assert.Equal(1, await safetyNet.EnqueueUnansweredAsync(default)); // HR's, the only one without an answer
        Assert.Equal((10, 1), (safetyNet.RememberedAnswered, safetyNet.RememberedSent));
        Assert.Equal(0, await safetyNet.EnqueueUnansweredAsync(default)); // what it forgot, it looked up again
        Assert.Equal((10, 1), (safetyNet.RememberedAnswered, safetyNet.RememberedSent));
        Assert.Equal(1, await pipeline.Get<SubmissionEventQueue>().ApproximateCountAsync(default));
    }

    [Fact]
    public async Task UploadsDeletedOrOverwritten_AreForgotten()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Settings(maxRemembered: 1_000));
        await AnsweredUploadsAsync(pipeline, "sales", 12);
        var safetyNet = pipeline.Get<UploadSafetyNet>();
        await safetyNet.EnqueueUnansweredAsync(default);
        Assert.Equal((12, 0), (safetyNet.RememberedAnswered, safetyNet.RememberedSent));

        var container = pipeline.Account.SubmissionContainer("sales");
        foreach (var name in Enumerable.Range(0, 5).Select(Name))
        {
            await container.DeleteBlobAsync(name);
        }

        await UploadAsync(pipeline, "sales", Name(5)); // a new version, not answered yet: enqueued, and remembered as sent
        Assert.Equal(1, await safetyNet.EnqueueUnansweredAsync(default));

        Assert.Equal((6, 1), (safetyNet.RememberedAnswered, safetyNet.RememberedSent)); // the six answered versions still listed; the one sent
    }

    [Fact]
    public async Task UnansweredUploadsOfSeveralDepartments_GoOnTheQueueInTurn()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), Settings(maxRemembered: 1_000));
        foreach (var i in Enumerable.Range(0, 6))
        {
            await UploadAsync(pipeline, "customer-support", Name(i));
        }

        await UploadAsync(pipeline, "hr", "2026-10.csv");
        await UploadAsync(pipeline, "sales", "2026-10.csv");

        Assert.Equal(8, await pipeline.Get<UploadSafetyNet>().EnqueueUnansweredAsync(default));

        var order = (await pipeline.Get<SubmissionEventQueue>().ReceiveAsync(32, TimeSpan.FromMinutes(1), default))
            .Select(m => pipeline.Get<Reporting.Storage.Blobs.SubmissionUploadLookup>().DepartmentOf(Assert.Single(BlobEventReader.Read(m.Text).Created).Container))
            .ToList();
        Assert.Equal(8, order.Count);
        Assert.Equal(["customer-support", "hr", "sales"], order.Take(3).Order(StringComparer.Ordinal)); // one of each first
        Assert.Equal(Enumerable.Repeat("customer-support", 5), order.Skip(3));
    }

    private static string Name(int i) => $"2026-10 v{i:00}.csv";

    private static Task UploadAsync(PipelineWithoutHost pipeline, string department, string name) =>
        pipeline.Blobs.UploadAsync(department, name, new MemoryStream(Encoding.UTF8.GetBytes(new SubmissionCsvBuilder("2026-10").BuildText())), default);

    // Uploads with a history record each: answered, as far as the safety net asks.
    private static async Task AnsweredUploadsAsync(PipelineWithoutHost pipeline, string department, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await UploadAsync(pipeline, department, Name(i));
        }

        await foreach (var upload in pipeline.Blobs.ListUploadsAsync(pipeline.Account.SubmissionContainer(department).Name, default))
        {
            await pipeline.History.RecordAsync(new SubmissionRecord(department, upload.BlobName, upload.ETag, "2026-10", "", upload.ReceivedUtc, SubmissionStatus.Rejected, 0, 1, "test"), default);
        }
    }
}
