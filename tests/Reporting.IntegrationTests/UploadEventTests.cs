using System.Text;
using System.Text.Json;
using Reporting.Core.Submissions;
using Reporting.Application.Uploads;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The events path, locally: Azurite has queues but no Event Grid, so the tests put on the queue what Event Grid would
/// (BlobCreated in the Event Grid schema, Base64-encoded or not, and in the CloudEvents schema), and the Ingest function on
/// the local runner, as its own process, answers from them while the safety net is held back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadEventTests(AzuriteFixture azurite)
{
    private const string Marketing = "marketing"; // in the sample strategy; its container is made by the upload

    private static string Csv(string value = "2600") => new SubmissionCsvBuilder("2026-09").WithRow("advocacy-reshares", value).BuildText();

    [Fact]
    public async Task BlobCreatedEvents_InEverySchemaAndEncoding_AreAnsweredOnce_AndWhatIsNotAnUploadIsLoggedAndRemoved()
    {
        var account = TestStorage.Account(azurite);
        var queue = await PrepareAsync(account);
        await using var host = HostProcess.Start(account, EventsOnly());
        await WaitForLogAsync(host, "Local runner listening");

        var blobs = new SubmissionBlobs(account);
        await blobs.UploadAsync(Marketing, "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv())), default);
        var container = account.Options.SubmissionContainerPrefix + Marketing;
        var gridEvent = EventGridEvent(container, "2026-09.csv");
        await queue.SendAsync(Base64(gridEvent), default);                          // Base64, as some senders encode it
        await queue.SendAsync(gridEvent, default);                                  // Event Grid delivers at least once, and as plain JSON
        await queue.SendAsync(CloudEvent(container, "2026-09.csv"), default);      // the CloudEvents schema
        await queue.SendAsync(Base64(EventGridEvent(account.Options.ScorecardContainer, "2026-09/leadership.pdf")), default); // not a submission
        await queue.SendAsync("this is not an event", default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default), "the answer to the pushed upload", TimeSpan.FromSeconds(60));
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
        await Eventually.GetAsync(async () => await queue.ApproximateCountAsync(default) == 0 ? "" : null, "every message handled and deleted");
        await WaitForLogAsync(host, "An upload event cannot be read and was removed: the message is neither JSON nor Base64-encoded JSON");
        await WaitForLogAsync(host, $"An upload event for {account.Options.ScorecardContainer}/2026-09/leadership.pdf was removed");
        Assert.Empty(await queue.PeekPoisonAsync(default)); // removed with a reason, never retried into the poison queue
        Assert.Equal(1, host.Output.Split('\n').Count(l => l.Contains($"Accepted {Marketing} 2026-09 from 2026-09.csv", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UploadWithoutEvent_IsAnsweredByTheSafetyNet()
    {
        var account = TestStorage.Account(azurite);
        await PrepareAsync(account);
        await using var host = HostProcess.Start(account); // the runner's own pace: the safety net every second

        var blobs = new SubmissionBlobs(account);
        await blobs.UploadAsync("sales", "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(new SubmissionCsvBuilder("2026-09").WithRow("new-customers", "1111").BuildText())), default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync("sales", "2026-09.csv", default), $"the answer from the safety net:\n{host.Output}");
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
        Assert.Contains("sales/2026-09.csv has no answer yet; put on the events queue by the safety net", host.Output);
    }

    [Fact]
    public async Task EventWhoseIngestKeepsFailing_GoesToThePoisonQueueAfterMaxDequeueCount_AndThePoisonFunctionAnswersIt()
    {
        var account = TestStorage.Account(azurite);
        var queue = new SubmissionEventQueue(account, account.Options.EventQueue);
        await account.EnsureCreatedAsync(["sales"]); // no strategy: every attempt fails
        await queue.EnsureCreatedAsync(default);
        var settings = EventsOnly();
        settings["extensions:queues:maxDequeueCount"] = "2";
        await using var host = HostProcess.Start(account, settings);

        var blobs = new SubmissionBlobs(account);
        await blobs.UploadAsync("sales", "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv())), default);
        await queue.SendAsync(EventGridEvent(account.Options.SubmissionContainerPrefix + "sales", "2026-09.csv"), default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync("sales", "2026-09.csv", default), $"the poison function's answer:\n{host.Output}", TimeSpan.FromSeconds(60));
        var json = JsonDocument.Parse(answer).RootElement;
        Assert.Equal("poisoned", json.GetProperty("status").GetString());
        Assert.Contains(PoisonedEvents.Answer, json.GetProperty("error").GetString());
        Assert.Contains("IngestSubmission failed on message", host.Output);                 // each attempt, with its error
        Assert.Contains("No strategy has been uploaded", host.Output);
        Assert.Contains("was taken 2 times and was moved to the queue", host.Output);
        Assert.Equal(SubmissionStatus.Poisoned, Assert.Single(await new SubmissionHistoryTable(account).ListAsync("sales", default)).Status); // what `reporting status` shows
        await Eventually.GetAsync(async () => (await queue.PeekPoisonAsync(default)).Count == 0 ? "" : null, "the poison message handled and deleted");
    }

    [Fact]
    public async Task OlderFilesEventAfterTheNewersOne_TheNewerStaysInForce()
    {
        var account = TestStorage.Account(azurite);
        var queue = await PrepareAsync(account);
        await using var host = HostProcess.Start(account, EventsOnly());
        var blobs = new SubmissionBlobs(account);
        var container = account.Options.SubmissionContainerPrefix + Marketing;
        await blobs.UploadAsync(Marketing, "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv("1111"))), default);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // a later storage second
        await blobs.UploadAsync(Marketing, "2026-09 corrected.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv("2222"))), default);

        await queue.SendAsync(EventGridEvent(container, "2026-09 corrected.csv"), default);
        await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09 corrected.csv", default), "the newer file's answer", TimeSpan.FromSeconds(60));
        await queue.SendAsync(EventGridEvent(container, "2026-09.csv"), default);
        var older = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default), "the older file's answer", TimeSpan.FromSeconds(60));

        Assert.Equal("superseded", JsonDocument.Parse(older).RootElement.GetProperty("status").GetString());
        var september = new Period(2026, 9);
        Assert.Equal(2222, (await new KpiFigureTable(account).LoadAsync(september, september, default)).Single(f => f.DepartmentId == Marketing && f.KpiId == "advocacy-reshares").Value);
    }

    private static async Task<SubmissionEventQueue> PrepareAsync(ReportingStorageAccount account)
    {
        await account.EnsureCreatedAsync(["sales"]);
        await new StrategyBlob(account).WriteAsync(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml")), default);
        var queue = new SubmissionEventQueue(account, account.Options.EventQueue);
        await queue.EnsureCreatedAsync(default); // as the infrastructure does in Azure
        return queue;
    }

    // The safety net held back (once a year), so only the events bring uploads in.
    private static Dictionary<string, string?> EventsOnly() => new()
    {
        [FunctionSettings.SafetyNetSchedule] = "0 0 0 1 1 *",
        ["logging:logLevel:Function"] = "Information",
    };

    private static async Task WaitForLogAsync(HostProcess host, string text) =>
        await Eventually.GetAsync(() => Task.FromResult(host.Output.Contains(text, StringComparison.Ordinal) ? "" : null), $"'{text}' in the host's log:\n{host.Output}", TimeSpan.FromSeconds(60));

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>A BlobCreated event as Event Grid writes it (Event Grid schema), for a blob in the emulator's account.</summary>
    private static string EventGridEvent(string container, string blobName) => JsonSerializer.Serialize(new
    {
        topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/reporting/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        eventType = BlobEventReader.BlobCreatedType,
        id = Guid.NewGuid().ToString(),
        data = new { api = "PutBlob", contentType = "text/csv", blobType = "BlockBlob", url = $"https://devstoreaccount1.blob.core.windows.net/{container}/{Uri.EscapeDataString(blobName)}" },
        dataVersion = "",
        metadataVersion = "1",
        eventTime = "2026-11-10T09:00:00Z",
    });

    private static string CloudEvent(string container, string blobName) => JsonSerializer.Serialize(new
    {
        specversion = "1.0",
        type = BlobEventReader.BlobCreatedType,
        source = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/reporting/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        id = Guid.NewGuid().ToString(),
        time = "2026-11-10T09:00:00Z",
        data = new { api = "PutBlob", blobType = "BlockBlob" },
    });
}
