using System.Text;
using System.Text.Json;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Receipts;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The push path, locally: Azurite has queues but no Event Grid, so the tests put on the queue what Event Grid would
/// (BlobCreated in the Event Grid schema, Base64-encoded as the queue delivers it, and in the CloudEvents schema), and the
/// real host, as its own process, answers from them while its scan is slowed to a 10-minute safety net.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadEventTests(AzuriteFixture azurite)
{
    private const string Marketing = "marketing"; // in the sample strategy; its container is made only after the host's first scan

    private static string Csv => new SubmissionCsvBuilder("2026-09").WithRow("advocacy-reshares", "2600").BuildText();

    [Fact]
    public async Task BlobCreatedEvent_IsAnsweredThroughTheQueue_DuplicatesOnce_MalformedToPoison()
    {
        var account = TestStorage.Account(azurite);
        var queue = new SubmissionEventQueue(account, QueueName(account));
        await PrepareAsync(account);
        await using var host = HostProcess.Start(account, EventSettings(queue, safetyNet: "00:10:00"));
        await WaitForLogAsync(host, "First scan of");

        // A container the host has not listed and will not list for 10 minutes: only the events can bring this upload in.
        var blobs = new SubmissionBlobs(account);
        await blobs.UploadAsync(Marketing, "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv)), default);
        var container = account.Options.SubmissionContainerPrefix + Marketing;
        var gridEvent = EventGridEvent(container, "2026-09.csv");
        await queue.SendAsync(Base64(gridEvent), default);
        await queue.SendAsync(Base64(gridEvent), default);                        // Event Grid delivers at least once
        await queue.SendAsync(CloudEvent(container, "2026-09.csv"), default);      // the CloudEvents schema, not encoded
        await queue.SendAsync(Base64(EventGridEvent(account.Options.ScorecardContainer, "2026-09/leadership.pdf")), default); // not a submission
        await queue.SendAsync("this is not an event", default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default), "the answer to the pushed upload", TimeSpan.FromSeconds(60));
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());

        var poisoned = await Eventually.GetAsync(async () => (await queue.PeekPoisonAsync(default)) is { Count: > 0 } p ? p : null, "the malformed message in the poison queue");
        Assert.Equal(["this is not an event"], poisoned);
        await Eventually.GetAsync(async () => await queue.ApproximateCountAsync(default) == 0 ? "" : null, "every message handled and deleted");
        await WaitForLogAsync(host, $"cannot be read and was moved to the queue {queue.PoisonName}: the message is neither JSON nor Base64-encoded JSON");

        // Three events for one version: claimed and run once.
        var etag = await blobs.CurrentETagAsync(new SubmissionUpload(container, Marketing, "2026-09.csv", "", 0), default);
        var receipt = await new BlobReceiptStore(account, TimeProvider.System).FindAsync(container, "2026-09.csv", etag!, default);
        Assert.NotNull(receipt);
        Assert.Equal((nameof(ReceiptStatus.Done), 1), (receipt.Status, receipt.Attempts));
    }

    [Fact]
    public async Task UploadWithoutEvent_IsAnsweredByTheSafetyNetScan()
    {
        var account = TestStorage.Account(azurite);
        var queue = new SubmissionEventQueue(account, QueueName(account));
        await PrepareAsync(account);
        await using var host = HostProcess.Start(account, EventSettings(queue, safetyNet: "00:00:02"));
        await WaitForLogAsync(host, "First scan of");

        // The event is lost (never sent): the scan, at the safety net's pace, still answers.
        var blobs = new SubmissionBlobs(account);
        await blobs.UploadAsync("sales", "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(new SubmissionCsvBuilder("2026-09").WithRow("new-customers", "1111").BuildText())), default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync("sales", "2026-09.csv", default), $"the answer from the safety net scan:\n{host.Output}");
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UploadHeldByAnotherHost_ItsMessageComesBack_AndTheUploadIsAnsweredFromIt_NotByTheSafetyNet()
    {
        var account = TestStorage.Account(azurite);
        var queue = new SubmissionEventQueue(account, QueueName(account));
        await PrepareAsync(account);
        await queue.EnsureCreatedAsync(default); // as the infrastructure does in Azure: sends need not wait for the host's pump
        var settings = EventSettings(queue, safetyNet: "01:00:00"); // the scan cannot answer within the test
        settings["extensions:submissionBlobs:claimDuration"] = "00:00:05";
        await using var host = HostProcess.Start(account, settings);
        await WaitForLogAsync(host, "First scan of");

        // Another host holds the version (for an hour) before its event arrives: this host must keep the message.
        var blobs = new SubmissionBlobs(account);
        var (container, other, receipts) = await UploadHeldByAnotherHostAsync(account, Marketing);
        await queue.SendAsync(Base64(EventGridEvent(container, "2026-09.csv")), default);

        await WaitForLogAsync(host, "(taken 1 times) comes back in 5 s: an upload it names waits for its retry or is held by another host");
        Assert.Equal(1, await queue.ApproximateCountAsync(default)); // sent back, not deleted
        Assert.Null(await blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default));

        await receipts.AbandonAsync(other, default); // the other host stops and hands the version back

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default), $"the answer from the returned message:\n{host.Output}", TimeSpan.FromSeconds(60));
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
        await WaitForLogAsync(host, "(taken 2 times) handled and deleted");
        await Eventually.GetAsync(async () => await queue.ApproximateCountAsync(default) == 0 ? "" : null, "the returned message deleted");
        Assert.Empty(await queue.PeekPoisonAsync(default));
        var receipt = (await receipts.FindAsync(container, "2026-09.csv", other.BlobETag, default))!;
        Assert.Equal((nameof(ReceiptStatus.Done), 1), (receipt.Status, receipt.Attempts)); // the handed-back claim is not counted
        Assert.NotEqual("another-host", receipt.ClaimedBy);
    }

    [Fact]
    public async Task MessageTakenMoreThanEventMaxDequeueCount_GoesToThePoisonQueueWithALogLine_AndTheScanStillAnswers()
    {
        var account = TestStorage.Account(azurite);
        var queue = new SubmissionEventQueue(account, QueueName(account));
        await PrepareAsync(account);
        await queue.EnsureCreatedAsync(default); // as the infrastructure does in Azure: sends need not wait for the host's pump
        var settings = EventSettings(queue, safetyNet: "00:00:02");
        settings["extensions:submissionBlobs:eventMaxDequeueCount"] = "1";
        await using var host = HostProcess.Start(account, settings);
        await WaitForLogAsync(host, "First scan of");

        // Held by another host: the first delivery sends the message back, the second is one too many.
        var blobs = new SubmissionBlobs(account);
        var (container, other, receipts) = await UploadHeldByAnotherHostAsync(account, Marketing);
        var message = Base64(EventGridEvent(container, "2026-09.csv"));
        await queue.SendAsync(message, default);

        await WaitForLogAsync(host, $"was taken 2 times without being handled and was moved to the queue {queue.PoisonName} ({container}/2026-09.csv); the scan still answers the upload");
        // The line is logged as the move begins: wait for the copy, then the delete.
        var poisoned = await Eventually.GetAsync(async () => (await queue.PeekPoisonAsync(default)) is { Count: > 0 } p ? p : null, "the message in the poison queue");
        Assert.Equal([message], poisoned); // unchanged, so it can be replayed
        await Eventually.GetAsync(async () => await queue.ApproximateCountAsync(default) == 0 ? "" : null, "the message deleted from the events queue");
        Assert.Null(await blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default));

        await receipts.AbandonAsync(other, default);

        var answer = await Eventually.GetAsync(() => blobs.ReadResultJsonAsync(Marketing, "2026-09.csv", default), $"the answer from the safety net scan:\n{host.Output}", TimeSpan.FromSeconds(60));
        Assert.Equal("accepted", JsonDocument.Parse(answer).RootElement.GetProperty("status").GetString());
        var receipt = await Eventually.GetAsync(async () => await receipts.FindAsync(container, "2026-09.csv", other.BlobETag, default) is { Status: nameof(ReceiptStatus.Done) } r ? r : null, "the receipt completed");
        Assert.Equal(1, receipt.Attempts);
    }

    /// <summary>
    /// Uploads a September file for the department and claims its version as another host would, for an hour of the host's
    /// clock (which, like this store's, starts at <see cref="TestClock.Now"/>).
    /// </summary>
    private static async Task<(string Container, BlobClaim Claim, BlobReceiptStore Receipts)> UploadHeldByAnotherHostAsync(ReportingStorageAccount account, string department)
    {
        await new SubmissionBlobs(account).UploadAsync(department, "2026-09.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv)), default);
        var container = account.Options.SubmissionContainerPrefix + department;
        var upload = (await new SubmissionUploadLookup(account).FindAsync(container, "2026-09.csv", default))!;
        var receipts = new BlobReceiptStore(account, TestClock.Fake());
        var claim = (await receipts.TryClaimAsync(container, upload.BlobName, upload.ETag, "another-host", TimeSpan.FromHours(1), default)).Claim!;
        return (container, claim, receipts);
    }

    private static async Task PrepareAsync(ReportingStorageAccount account)
    {
        await account.EnsureCreatedAsync(["sales"]);
        await new StrategyBlob(account).WriteAsync(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml")), default);
    }

    private static Dictionary<string, string?> EventSettings(SubmissionEventQueue queue, string safetyNet) => new()
    {
        ["extensions:submissionBlobs:eventQueue"] = queue.Name,
        ["extensions:submissionBlobs:safetyNetInterval"] = safetyNet,
        ["extensions:submissionBlobs:eventPollingInterval"] = "00:00:00.200",
        ["logging:logLevel:Function"] = "Information",
        ["logging:logLevel:Reporting.Functions.SubmissionBlobTrigger.SubmissionEventPump"] = "Debug", // a message's round trip
    };

    // Queue names: lower-case letters, digits and hyphens; the test's prefix keeps it apart from other tests' queues.
    private static string QueueName(ReportingStorageAccount account) => account.Options.ScorecardContainer.Replace("-scorecards", "-events", StringComparison.Ordinal);

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
