using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reporting.Application;
using Reporting.Functions.SubmissionBlobTrigger;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Receipts;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

/// <summary>
/// The push path's "come back later": an upload that cannot be finished when its event is handled keeps its message,
/// which returns (dequeue count 2) and is handled then. The pump, dispatcher, receipts and queue are the real ones on
/// Azurite; only the function is a script, and there is no scan at all, so an answer can only come from a message. The
/// interleavings are forced: the test takes each message itself and hands it to <see cref="SubmissionEventPump.HandleAsync"/>,
/// and the receipts run on a fake clock the test moves (another host's claim expiring, a retry falling due).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionEventPumpTests(AzuriteFixture azurite)
{
    private const string Department = "sales";
    private const string BlobName = "2026-09.csv";

    // Longer than any delay the pump sets: a message seen again within the wait came back because the pump said when.
    private static readonly TimeSpan TakenFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BackWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UploadClaimedByAnotherHost_MessageComesBackAfterTheClaimDuration_AndIsAnsweredFromItOnceTheClaimExpires()
    {
        var options = Options(claimDuration: TimeSpan.FromSeconds(3), retryDelay: TimeSpan.FromMinutes(1));
        await using var path = await PushPath.StartAsync(azurite, options);
        var upload = await path.UploadAsync();
        var held = await path.Receipts.TryClaimAsync(upload.Container, upload.BlobName, upload.ETag, "another-host", TimeSpan.FromMinutes(5), default);
        Assert.NotNull(held.Claim);
        await path.SendEventAsync(upload);

        var first = await path.TakeAsync();
        await path.Pump.HandleAsync(first, default);
        var returned = Stopwatch.StartNew();

        Assert.Empty(path.Function.Runs);                                   // held elsewhere: not run here
        Assert.Equal(1, await path.Queue.ApproximateCountAsync(default));   // kept, not deleted
        Assert.Empty(await path.Queue.ReceiveAsync(1, TakenFor, default)); // and hidden
        var receipt = await path.ReceiptAsync(upload);
        Assert.Equal((nameof(ReceiptStatus.Processing), "another-host", 1), (receipt.Status, receipt.ClaimedBy, receipt.Attempts));

        path.Clock.Advance(TimeSpan.FromMinutes(6)); // the other host died: its claim runs out

        var second = await path.TakeAgainAsync();
        Assert.True(returned.Elapsed >= options.ClaimDuration - TimeSpan.FromSeconds(1), $"back after {returned.Elapsed.TotalSeconds:0.0} s, before the claim duration");
        Assert.Equal((first.MessageId, 2L), (second.MessageId, second.DequeueCount));
        await path.Pump.HandleAsync(second, default);

        Assert.Equal([upload.ETag], path.Function.Runs.Select(u => u.ETag));
        Assert.Equal(0, await path.Queue.ApproximateCountAsync(default)); // handled for good: deleted
        receipt = await path.ReceiptAsync(upload);
        Assert.Equal((nameof(ReceiptStatus.Done), 2), (receipt.Status, receipt.Attempts)); // the dead host's attempt, then this one
        Assert.NotEqual("another-host", receipt.ClaimedBy);
        Assert.Empty(await path.Queue.PeekPoisonAsync(default));
    }

    [Fact]
    public async Task FunctionFailsOnce_MessageComesBackAfterTheRetryDelay_AndTheSecondDeliveryRunsTheRetry()
    {
        // The claim duration is long, so a message back within the wait came back after the retry delay, not the claim.
        var options = Options(claimDuration: TimeSpan.FromMinutes(5), retryDelay: TimeSpan.FromSeconds(1));
        await using var path = await PushPath.StartAsync(azurite, options, failures: 1);
        var upload = await path.UploadAsync();
        await path.SendEventAsync(upload);

        var first = await path.TakeAsync(options.ClaimDuration); // as the pump takes it
        await path.Pump.HandleAsync(first, default);

        Assert.Single(path.Function.Runs);
        Assert.Equal(1, await path.Queue.ApproximateCountAsync(default));
        var receipt = await path.ReceiptAsync(upload);
        Assert.Equal((nameof(ReceiptStatus.RetryPending), 1, "the function failed on purpose"), (receipt.Status, receipt.Attempts, receipt.LastError));

        path.Clock.Advance(options.RetryDelay); // the retry falls due on the receipts' clock as the message comes back

        var second = await path.TakeAgainAsync();
        Assert.Equal((first.MessageId, 2L), (second.MessageId, second.DequeueCount));
        await path.Pump.HandleAsync(second, default);

        Assert.Equal([upload.ETag, upload.ETag], path.Function.Runs.Select(u => u.ETag));
        Assert.Equal(0, await path.Queue.ApproximateCountAsync(default));
        receipt = await path.ReceiptAsync(upload);
        Assert.Equal((nameof(ReceiptStatus.Done), 2), (receipt.Status, receipt.Attempts));
        Assert.Empty(await path.Queue.PeekPoisonAsync(default));
    }

    [Fact]
    public async Task MessageTakenMoreThanEventMaxDequeueCountTimes_GoesToThePoisonQueueUnchanged_WithALogLine()
    {
        var options = Options(claimDuration: TimeSpan.FromSeconds(1), retryDelay: TimeSpan.FromMinutes(1));
        options.EventMaxDequeueCount = 1;
        await using var path = await PushPath.StartAsync(azurite, options);
        var upload = await path.UploadAsync();
        await path.Receipts.TryClaimAsync(upload.Container, upload.BlobName, upload.ETag, "another-host", TimeSpan.FromHours(1), default);
        var text = await path.SendEventAsync(upload);

        await path.Pump.HandleAsync(await path.TakeAsync(), default);  // busy: back after the claim duration
        var second = await path.TakeAgainAsync();
        await path.Pump.HandleAsync(second, default);                   // taken twice, more than once: set aside

        Assert.Equal([text], await path.Queue.PeekPoisonAsync(default));
        Assert.Equal(0, await path.Queue.ApproximateCountAsync(default));
        Assert.Empty(path.Function.Runs);
        Assert.Contains(path.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message ==
            $"Upload event {second.MessageId} was taken 2 times without being handled and was moved to the queue {path.Queue.PoisonName} ({upload.Container}/{BlobName}); the scan still answers the upload");
    }

    private static SubmissionBlobTriggerOptions Options(TimeSpan claimDuration, TimeSpan retryDelay) => new()
    {
        EventQueue = "events", ClaimDuration = claimDuration, RetryDelay = retryDelay, MaxAttempts = 5, MaxConcurrentUploads = 2,
    };

    /// <summary>The real pump, dispatcher, receipts and queue on one test's storage names; the function is scripted.</summary>
    private sealed class PushPath : IAsyncDisposable
    {
        private readonly UploadDispatcher _dispatcher;

        private PushPath(ReportingStorageAccount account, SubmissionBlobTriggerOptions options, int failures)
        {
            Account = account;
            Queue = new SubmissionEventQueue(account, account.Options.ScorecardContainer.Replace("-scorecards", "-events", StringComparison.Ordinal));
            Receipts = new BlobReceiptStore(account, Clock);
            Function = new ScriptedFunction(failures);
            _dispatcher = new UploadDispatcher(Receipts, new NoPoisonExpected(), Function, options, Clock, NullLogger.Instance);
            Pump = new SubmissionEventPump(Queue, new SubmissionUploadLookup(account), _dispatcher, options, Log);
        }

        public ReportingStorageAccount Account { get; }

        public FakeTimeProvider Clock { get; } = TestClock.Fake();

        public SubmissionEventQueue Queue { get; }

        public BlobReceiptStore Receipts { get; }

        public ScriptedFunction Function { get; }

        public ListLogger<SubmissionEventPump> Log { get; } = new();

        public SubmissionEventPump Pump { get; }

        public static async Task<PushPath> StartAsync(AzuriteFixture azurite, SubmissionBlobTriggerOptions options, int failures = 0)
        {
            var path = new PushPath(TestStorage.Account(azurite), options, failures);
            await path.Account.EnsureCreatedAsync([Department]);
            await path.Queue.EnsureCreatedAsync(default);
            return path;
        }

        public async Task<SubmissionUpload> UploadAsync()
        {
            var csv = new SubmissionCsvBuilder("2026-09").WithRow("new-customers", "1200").BuildText();
            await new SubmissionBlobs(Account).UploadAsync(Department, BlobName, new MemoryStream(Encoding.UTF8.GetBytes(csv)), default);
            return (await new SubmissionUploadLookup(Account).FindAsync(Account.SubmissionContainer(Department).Name, BlobName, default))!;
        }

        /// <summary>Puts on the queue what Event Grid would for the upload (Event Grid schema, Base64 as the queue delivers it).</summary>
        public async Task<string> SendEventAsync(SubmissionUpload upload)
        {
            var json = JsonSerializer.Serialize(new
            {
                topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/reporting/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
                subject = $"/blobServices/default/containers/{upload.Container}/blobs/{upload.BlobName}",
                eventType = BlobEventReader.BlobCreatedType,
                id = Guid.NewGuid().ToString(),
                data = new { api = "PutBlob", blobType = "BlockBlob", url = $"https://devstoreaccount1.blob.core.windows.net/{upload.Container}/{upload.BlobName}" },
                dataVersion = "",
                metadataVersion = "1",
                eventTime = "2026-11-10T09:00:00Z",
            });
            var text = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
            await Queue.SendAsync(text, default);
            return text;
        }

        /// <summary>Takes the one message there is, hiding it for <paramref name="visibility"/> (by default longer than any delay the pump sets).</summary>
        public async Task<QueuedEvent> TakeAsync(TimeSpan? visibility = null) =>
            Assert.Single(await Queue.ReceiveAsync(1, visibility ?? TakenFor, default));

        /// <summary>Waits for a message the pump sent back to become visible again, and takes it.</summary>
        public async Task<QueuedEvent> TakeAgainAsync()
        {
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < BackWithin)
            {
                if (await Queue.ReceiveAsync(1, TakenFor, default) is [var message])
                {
                    return message;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"the message did not come back within {BackWithin.TotalSeconds} s");
        }

        public async Task<BlobReceiptEntity> ReceiptAsync(SubmissionUpload upload) =>
            (await Receipts.FindAsync(upload.Container, upload.BlobName, upload.ETag, default))!;

        public ValueTask DisposeAsync()
        {
            _dispatcher.Dispose();
            AzureRulesAssert.NoneIn(Account.RuleViolations, "the push path");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The function under the trigger: fails its first <c>failures</c> runs, then succeeds; records each run's upload.</summary>
    private sealed class ScriptedFunction(int failures) : ITriggeredFunctionExecutor
    {
        private int _failuresLeft = failures;

        public List<SubmissionUpload> Runs { get; } = [];

        public Task<FunctionResult> TryExecuteAsync(TriggeredFunctionData input, CancellationToken cancellationToken)
        {
            lock (Runs)
            {
                Runs.Add((SubmissionUpload)input.TriggerValue);
            }

            return Task.FromResult(Interlocked.Decrement(ref _failuresLeft) >= 0
                ? new FunctionResult(new InvalidOperationException("the function failed on purpose"))
                : new FunctionResult(true));
        }
    }

    private sealed class NoPoisonExpected : IPoisonedUploadHandler
    {
        public Task HandleAsync(SubmissionUpload upload, int attempts, string error, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{upload.BlobName} was poisoned after {attempts} attempts: {error}");
    }
}
