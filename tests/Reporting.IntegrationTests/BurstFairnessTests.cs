using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Application.Uploads;
using Reporting.Core.Periods;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.IntegrationTests;

/// <summary>
/// One department's flood on the real events queue does not hold back another department's answer, on two instances at
/// once, and loses nothing: docs/reliability.md, "Fair under a flood".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BurstFairnessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Burst = 1_000;
    private const int MaxInFlight = 2;

    // The sample year: sales's uploads go to its twelve months in turn, so the first two are for two months and both accepted.
    private static readonly IReadOnlyList<Period> Months = Enumerable.Range(0, 12).Select(i => TestClock.LastMonth.AddMonths(-i)).ToList();

    [Fact]
    public async Task ThousandUploadsOfOneDepartment_ThenOneOfAnother_TheOtherIsAnsweredAfterOneLookAtEach_WhileTheFloodWaitsOnTheQueue()
    {
        var account = TestStorage.Account(azurite);
        var gate = new SalesGate();
        // Two instances on one storage account: the in-flight count is the storage's, not an instance's.
        await using var one = await PipelineWithoutHost.StartAsync(account, Settings(maxDeferDelay: "00:00:30"), gate.Register);
        await using var two = await PipelineWithoutHost.StartAsync(account, Settings(maxDeferDelay: "00:00:30"), gate.Register);
        var queue = one.Get<SubmissionEventQueue>();
        await queue.EnsureCreatedAsync(default);

        // Sales uploads a thousand files, one after the other, and each upload's event follows in that order; then HR uploads one.
        await SendFloodAsync(one, queue, Burst);
        var hr = await one.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "4").BuildText());
        await queue.SendAsync(EventFor(hr, Burst), default);

        // Sales's first ingests are held open, as slow files would hold them: the flood has all its slots taken.
        var taken = new ConcurrentQueue<string>();
        var readers = Readers(queue, taken, one, two);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(readers.Select(r => r.ReadUntilAsync(() => gate.Answered("hr"), patience.Token)));
        var hrDelay = watch.Elapsed;

        var hrTakenAs = taken.ToList().FindIndex(text => text.Contains("/containers/" + account.SubmissionContainer("hr").Name + "/", StringComparison.Ordinal)) + 1;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst: HR's upload answered {hrDelay.TotalSeconds:0.00} s after the readers started, behind {Burst} events of sales; it was message {hrTakenAs}; sales ingests meanwhile: {gate.SalesIngestsStarted} (limit {MaxInFlight})"));
        Assert.Equal("accepted", (await one.AnswerAsync("hr", "2026-10.csv")).GetProperty("status").GetString());
        Assert.Equal(MaxInFlight, gate.SalesIngestsStarted); // of sales's thousand, only the two in flight were ingested
        Assert.InRange(hrTakenAs, 1, Burst + 1);             // each of sales's events was looked at once at most before HR's
        // Nothing lost: every sales event is still on the queue (998 put back, 2 in flight), once the handlers in hand settle.
        await Eventually.GetAsync(async () => await queue.ApproximateCountAsync(default) == Burst ? "all there" : null, $"{Burst} sales events on the queue");
        Assert.Empty(readers.SelectMany(r => r.Failures));

        gate.Open();
        await Task.WhenAll(readers.Select(r => r.DrainAsync()));
        Assert.Empty(readers.SelectMany(r => r.Failures));
    }

    [Fact]
    public async Task FloodDrainedByTwoInstances_EveryUploadIsAnswered_EachMonthHasItsNewestInForce_NeverMoreThanTheLimitAtOnce()
    {
        const int flood = 120; // ten uploads for each of sales's twelve months
        var account = TestStorage.Account(azurite);
        var gate = new SalesGate();
        await using var one = await PipelineWithoutHost.StartAsync(account, Settings(maxDeferDelay: "00:00:04"), gate.Register);
        await using var two = await PipelineWithoutHost.StartAsync(account, Settings(maxDeferDelay: "00:00:04"), gate.Register);
        var queue = one.Get<SubmissionEventQueue>();
        await queue.EnsureCreatedAsync(default);
        await SendFloodAsync(one, queue, flood);
        var hr = await one.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "4").BuildText());
        await queue.SendAsync(EventFor(hr, flood), default);
        gate.Open();

        var taken = new ConcurrentQueue<string>();
        var readers = Readers(queue, taken, one, two);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var history = one.History;
        var done = false;
        var watching = Task.Run(async () =>
        {
            while (!done && !patience.IsCancellationRequested)
            {
                done = (await history.ListAsync("sales", default)).Count == flood;
                await Task.Delay(200);
            }
        });
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(readers.Select(r => r.ReadUntilAsync(() => done, patience.Token)));
        await Task.WhenAll(readers.Select(r => r.DrainAsync()));
        await watching;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood of {flood}: all answered in {watch.Elapsed.TotalSeconds:0.0} s and {taken.Count} handler invocations; at most {gate.PeakSalesInFlight} accepted sales ingests at once"));

        Assert.Empty(readers.SelectMany(r => r.Failures));
        Assert.True(gate.Answered("hr"));
        Assert.Equal(0, await queue.ApproximateCountAsync(default)); // nothing left behind
        Assert.InRange(gate.PeakSalesInFlight, 1, MaxInFlight);
        var records = await history.ListAsync("sales", default);
        Assert.Equal(flood, records.Select(r => r.BlobName).Distinct().Count());
        foreach (var (month, index) in Months.Select((m, i) => (m, i)))
        {
            var newest = Enumerable.Range(0, flood).Last(i => i % Months.Count == index);
            Assert.Equal(Name(newest), (await one.Figures.InForceAsync("sales", month, default))?.BlobName);
        }
    }

    private static Dictionary<string, string?> Settings(string maxDeferDelay) => new()
    {
        ["Ingest:MaxInFlightPerDepartment"] = MaxInFlight.ToString(CultureInfo.InvariantCulture),
        ["Ingest:DeferDelay"] = "00:00:01",
        ["Ingest:MaxDeferDelay"] = maxDeferDelay,
        ["extensions:departmentPages:autoRefresh"] = "false", // the page is not what is measured
    };

    private static HostLikeQueueReader[] Readers(SubmissionEventQueue queue, ConcurrentQueue<string> taken, params PipelineWithoutHost[] instances) =>
        instances.Select(i => new HostLikeQueueReader(queue, i.Get<SubmissionEvents>(), taken)).ToArray();

    // Sales's uploads one after the other (received in that order), then their events in the same order.
    private static async Task SendFloodAsync(PipelineWithoutHost pipeline, SubmissionEventQueue queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await pipeline.Blobs.UploadAsync("sales", Name(i), new MemoryStream(Csv(i)), default);
        }

        var listed = new Dictionary<string, SubmissionUpload>(StringComparer.Ordinal);
        await foreach (var upload in pipeline.Blobs.ListUploadsAsync(pipeline.Account.SubmissionContainer("sales").Name, default))
        {
            listed[upload.BlobName] = upload;
        }

        for (var i = 0; i < count; i++)
        {
            await queue.SendAsync(EventFor(listed[Name(i)], i), default);
        }
    }

    private static string Name(int i) => $"{Months[i % Months.Count]} upload {i:0000}.csv";

    private static byte[] Csv(int i) => new SubmissionCsvBuilder(Months[i % Months.Count].ToString()).WithRow("new-customers", (1000 + i).ToString(CultureInfo.InvariantCulture)).Build();

    // Event Grid's event for the upload. Storage gives Azurite's uploads whole seconds; Event Grid's time orders those of one second.
    private static string EventFor(SubmissionUpload upload, int order) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString("N"),
        eventType = BlobEventReader.BlobCreatedType,
        subject = $"/blobServices/default/containers/{upload.Container}/blobs/{upload.BlobName}",
        eventTime = upload.ReceivedUtc.AddTicks(1_000 * (order + 1L)).UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        dataVersion = "",
        data = new { api = "PutBlob", eTag = upload.ETag.Trim('"') },
    });

    /// <summary>Holds sales's accepted ingests open until <see cref="Open"/> (the slot stays taken meanwhile); notes other departments' answers.</summary>
    private sealed class SalesGate : ISubmissionAcceptedHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, bool> _answered = new(StringComparer.Ordinal);
        private int _started;
        private int _inFlight;
        private int _peak;

        public int SalesIngestsStarted => Volatile.Read(ref _started);

        public int PeakSalesInFlight => Volatile.Read(ref _peak);

        /// <summary>Whether the department had an upload accepted (its answer is written just before).</summary>
        public bool Answered(string department) => _answered.ContainsKey(department);

        public void Register(IServiceCollection services) => services.AddSingleton<ISubmissionAcceptedHandler>(this);

        public void Open() => _open.TrySetResult();

        public async Task OnAcceptedAsync(string department, Period period, CancellationToken cancellationToken)
        {
            _answered[department] = true;
            if (department != "sales")
            {
                return;
            }

            Interlocked.Increment(ref _started);
            var now = Interlocked.Increment(ref _inFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            await _open.Task;
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
