using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Storage.Leases;
using Reporting.Storage.Queues;

namespace Reporting.Application.Uploads;

/// <summary>
/// Keeps one department's flood from holding back the others: at most <see cref="IngestFairnessOptions.MaxInFlightPerDepartment"/>
/// of a department's uploads are ingested at once, on every instance together. A slot is a blob lease
/// (<c>ingest/&lt;department&gt;/&lt;n&gt;</c> in the lock container), so it is shared by every instance and frees itself
/// if its instance dies. An event that finds its department's slots taken goes back on the queue as a new message, hidden
/// for a delay that doubles with each deferral; the one in hand then completes, so other departments' messages behind it
/// are reached after one cheap look each at the flood's (one send; the slots are listed once per
/// <see cref="IngestFairnessOptions.DeferDelay"/> per instance at most), not after its ingests. Nothing is
/// lost: the copy is on the queue before the message in hand is removed, and if sending it fails the message in hand is
/// retried. Order does not matter: the newest upload wins by its received time, which the copy keeps.
/// </summary>
public sealed partial class IngestFairness(
    BlobLeaseStore leases,
    SubmissionEventQueue queue,
    IOptions<IngestFairnessOptions> options,
    TimeProvider clock,
    ILogger<IngestFairness> logger)
{
    /// <summary>The shortest lease Azure gives; renewed while the ingest runs.</summary>
    private static readonly TimeSpan SlotLease = BlobLeaseStore.MinimumDuration;

    // Departments this instance found full, and until when it takes that for granted: a flood's further events are put back
    // without even the listing. A slot this instance gives back ends it at once; another instance's, within DeferDelay.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _fullUntil = new(StringComparer.Ordinal);

    /// <summary>
    /// A slot for one of <paramref name="department"/>'s uploads, held until disposed; or null when all are taken, and then
    /// <paramref name="created"/> is already back on the queue for later.
    /// </summary>
    public async Task<IAsyncDisposable?> TakeSlotOrDeferAsync(string department, BlobCreated created, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MaxInFlightPerDepartment <= 0)
        {
            return NoLimit.Instance;
        }

        if (!(_fullUntil.TryGetValue(department, out var until) && clock.GetUtcNow() < until)
            && await TryTakeSlotAsync(department, settings.MaxInFlightPerDepartment, cancellationToken) is { } slot)
        {
            return slot;
        }

        _fullUntil[department] = clock.GetUtcNow() + settings.DeferDelay;
        var delay = DelayFor(created.Deferrals, settings);
        await queue.SendLaterAsync(DeferredEvent.For(created), delay, cancellationToken);
        if (created.Deferrals == 0)
        {
            LogDeferred(logger, department, created.BlobName, settings.MaxInFlightPerDepartment, delay.TotalSeconds);
        }
        else
        {
            LogDeferredAgain(logger, department, created.BlobName, delay.TotalSeconds, created.Deferrals + 1);
        }

        return null;
    }

    private async Task<IAsyncDisposable?> TryTakeSlotAsync(string department, int slots, CancellationToken cancellationToken)
    {
        var prefix = $"ingest/{department}/";
        var held = await leases.ListHeldAsync(prefix, cancellationToken);
        for (var slot = 0; slot < slots; slot++)
        {
            var name = prefix + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!held.Contains(name) && await leases.TryAcquireAsync(name, SlotLease, owner: null, proposedLeaseId: null, cancellationToken) is { } lease)
            {
                return new Slot(this, department, new KeptLease(leases, lease, clock));
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="IngestFairnessOptions.DeferDelay"/> doubled per earlier deferral, up to the maximum, plus up to half again
    /// at random: a flood's events spread out instead of all coming back together.
    /// </summary>
    internal static TimeSpan DelayFor(int deferrals, IngestFairnessOptions settings)
    {
        var doubled = settings.DeferDelay * Math.Pow(2, Math.Min(deferrals, 30));
        var capped = doubled > settings.MaxDeferDelay ? settings.MaxDeferDelay : doubled;
        return capped * (1 + Random.Shared.NextDouble() / 2);
    }

    private sealed class Slot(IngestFairness owner, string department, KeptLease lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await lease.DisposeAsync();
            owner._fullUntil.TryRemove(department, out _);
        }
    }

    private sealed class NoLimit : IAsyncDisposable
    {
        public static readonly NoLimit Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department}/{BlobName} waits: its department already has {MaxInFlight} uploads in flight; back on the queue in {DelaySeconds:0.#} s")]
    private static partial void LogDeferred(ILogger logger, string department, string blobName, int maxInFlight, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Department}/{BlobName} waits again; back on the queue in {DelaySeconds:0.#} s (deferral {Deferrals})")]
    private static partial void LogDeferredAgain(ILogger logger, string department, string blobName, double delaySeconds, int deferrals);
}
