using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Submissions;
using Reporting.Application.Uploads;
using Reporting.Core.Periods;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

/// <summary>Each function class invoked directly, made from the app's real registrations, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionClassTests(AzuriteFixture azurite)
{
    private static readonly Period October = new(2026, 10);

    private static string Csv(string value) => new SubmissionCsvBuilder("2026-10").WithRow("new-customers", value).BuildText();

    private static async Task<string> UploadAsync(FunctionServices services, string name, string csv)
    {
        await services.Get<SubmissionBlobs>().UploadAsync("sales", name, new MemoryStream(Encoding.UTF8.GetBytes(csv)), default);
        return services.Account.SubmissionContainer("sales").Name;
    }

    private static string Event(string container, string name) => JsonSerializer.Serialize(new
    {
        subject = $"/blobServices/default/containers/{container}/blobs/{name}",
        eventType = BlobEventReader.BlobCreatedType,
        id = Guid.NewGuid().ToString(),
        eventTime = "2026-11-10T09:00:00.1234567Z",
        data = new { api = "PutBlob", sequencer = "00000000000000000000000000000001000000000000000a" },
    });

    private static async Task<string?> StatusAsync(FunctionServices services, string name) =>
        await services.Get<SubmissionBlobs>().ReadResultJsonAsync("sales", name, default) is { } json ? JsonDocument.Parse(json).RootElement.GetProperty("status").GetString() : null;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IngestSubmission_AnEventAsJsonOrBase64_AnswersTheUpload(bool base64)
    {
        await using var services = await FunctionServices.StartAsync(azurite);
        var container = await UploadAsync(services, "2026-10.csv", Csv("1200"));
        var message = Event(container, "2026-10.csv");

        await services.Function<IngestSubmission>().RunAsync(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(message)) : message, default);

        Assert.Equal("accepted", await StatusAsync(services, "2026-10.csv"));
        Assert.Equal([("sales", October)], services.Accepted);
    }

    [Fact]
    public async Task IngestSubmission_TheSameEventTwice_StoresAndAnswersOnce()
    {
        await using var services = await FunctionServices.StartAsync(azurite);
        var message = Event(await UploadAsync(services, "2026-10.csv", Csv("1200")), "2026-10.csv");
        var function = services.Function<IngestSubmission>();

        await function.RunAsync(message, default);
        await function.RunAsync(message, default);
        await Task.WhenAll(function.RunAsync(message, default), function.RunAsync(message, default)); // side by side, as one batch's messages run

        Assert.Single(services.Accepted);
        Assert.Single(await services.Get<SubmissionHistoryTable>().ListAsync("sales", default));
    }

    [Theory]
    [InlineData("this is not an event")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":\"/blobServices/default/containers/elsewhere/blobs/x.csv\"}")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobDeleted\",\"subject\":\"/blobServices/default/containers/x/blobs/y\"}")]
    public async Task IngestSubmission_NotADepartmentsUpload_ReturnsWithoutThrowing_SoTheMessageIsRemovedNotRetried(string message)
    {
        await using var services = await FunctionServices.StartAsync(azurite);

        await services.Function<IngestSubmission>().RunAsync(message, default);

        Assert.Empty(services.Accepted);
    }

    [Fact]
    public async Task AnswerPoisonedSubmission_AnswersTheUpload_AndRecordsItForStatus()
    {
        await using var services = await FunctionServices.StartAsync(azurite);
        var message = Event(await UploadAsync(services, "2026-10.csv", Csv("1200")), "2026-10.csv");

        await services.Function<AnswerPoisonedSubmission>().RunAsync(message, default);

        var answer = JsonDocument.Parse((await services.Get<SubmissionBlobs>().ReadResultJsonAsync("sales", "2026-10.csv", default))!).RootElement;
        Assert.Equal("poisoned", answer.GetProperty("status").GetString());
        Assert.Contains(PoisonedEvents.Answer, answer.GetProperty("error").GetString());
        Assert.Equal(SubmissionStatus.Poisoned, Assert.Single(await services.Get<SubmissionHistoryTable>().ListAsync("sales", default)).Status);
    }

    [Fact]
    public async Task EnqueueUnansweredUploads_PutsEachUnansweredUploadOnTheQueueOnce()
    {
        await using var services = await FunctionServices.StartAsync(azurite, new() { ["SafetyNet:MinimumAge"] = "00:00:00" });
        var container = await UploadAsync(services, "2026-10.csv", Csv("1200"));
        await UploadAsync(services, "2026-09.csv", new SubmissionCsvBuilder("2026-09").WithRow("new-customers", "1100").BuildText());
        await services.Function<IngestSubmission>().RunAsync(Event(container, "2026-09.csv"), default); // answered already
        var safetyNet = services.Function<EnqueueUnansweredUploads>();

        await safetyNet.RunAsync(new TimerInfo(), default);
        await safetyNet.RunAsync(new TimerInfo(), default); // its message is on its way: not sent again

        var queue = services.Get<SubmissionEventQueue>();
        Assert.Equal(1, await queue.ApproximateCountAsync(default));
        var created = Assert.Single(BlobEventReader.Read((await services.Account.QueueService.GetQueueClient(queue.Name).PeekMessageAsync()).Value.Body.ToString()).Created);
        Assert.Equal((container, "2026-10.csv"), (created.Container, created.BlobName));
    }

    [Fact]
    public async Task MonthlyScorecards_RunTwice_RendersTheDueMonthOnce()
    {
        await using var services = await FunctionServices.StartAsync(azurite);
        var function = services.Function<MonthlyScorecards>();

        await function.RunAsync(new TimerInfo(), default);
        await function.RunAsync(new TimerInfo { IsPastDue = true }, default);

        var entry = (await services.Get<ScorecardIndexStore>().ReadAsync(default)).Find(October.ToString());
        Assert.NotNull(entry);
        Assert.Equal(1, entry.LatestVersion);
        Assert.Equal("timer", Assert.Single(entry.Versions).Trigger);
    }
}
