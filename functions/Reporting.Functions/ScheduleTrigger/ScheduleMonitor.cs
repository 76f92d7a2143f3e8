using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Logging;
using Reporting.Storage.Leases;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>
/// Keeps each timer's status blob (<see cref="ScheduleStatusStore"/>) as the WebJobs timer's schedule monitor does, so a missed
/// occurrence is noticed: a listener that starts after the recorded next occurrence is past due and runs once to catch up.
/// A changed schedule re-plans from the last run (or from now) instead of counting as missed; a listener whose schedule can
/// change while it runs (<see cref="ISchedule.ReplanInterval"/>) checks again while it waits.
/// </summary>
public sealed partial class ScheduleMonitor(ScheduleStatusStore store, IHostIdProvider hostIds, TimeProvider clock, ILogger<ScheduleMonitor> logger)
{
    private const int MaxConflicts = 5;

    /// <summary>Reads (or first writes) the timer's status as its listener starts, and says whether an occurrence was missed.</summary>
    public async Task<ScheduleCheck> CheckAsync(string function, ISchedule schedule, CancellationToken cancellationToken)
    {
        var hostId = await hostIds.GetHostIdAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var now = clock.GetUtcNow();
            var stored = await store.ReadAsync(hostId, function, cancellationToken);
            var planned = stored is null
                ? new ScheduleStatus(null, await schedule.GetNextOccurrenceAsync(now, cancellationToken), now)
                : await ReplanAsync(stored.Status, schedule, now, cancellationToken);
            if (stored is not null && planned == stored.Status)
            {
                return new ScheduleCheck(stored, now > stored.Status.Next);
            }

            if (stored is not null)
            {
                LogReplanned(logger, function, stored.Status.Next, planned.Next);
            }

            if (await store.TryWriteAsync(hostId, function, planned, stored?.ETag, cancellationToken) is { } written)
            {
                return new ScheduleCheck(written, now > planned.Next);
            }
        }

        throw new InvalidOperationException($"The schedule status of {function} kept changing under us; gave up after {MaxConflicts} attempts.");
    }

    /// <summary>
    /// Records a run that started at <paramref name="ran"/>; the next occurrence is the first after it. Returns what is stored.
    /// A status written meanwhile by another host (a lock handed over mid-run) is kept when it has run as far.
    /// </summary>
    public async Task<StoredScheduleStatus> RecordAsync(string function, ISchedule schedule, string? etag, DateTimeOffset ran, CancellationToken cancellationToken)
    {
        var hostId = await hostIds.GetHostIdAsync(cancellationToken);
        var status = new ScheduleStatus(ran, await schedule.GetNextOccurrenceAsync(ran, cancellationToken), clock.GetUtcNow());
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            if (await store.TryWriteAsync(hostId, function, status, etag, cancellationToken) is { } written)
            {
                return written;
            }

            var current = await store.ReadAsync(hostId, function, cancellationToken);
            LogWrittenMeanwhile(logger, function, current?.Status.Last);
            if (current?.Status.Last >= ran)
            {
                return current;
            }

            etag = current?.ETag;
        }

        throw new InvalidOperationException($"The schedule status of {function} kept changing under us; gave up after {MaxConflicts} attempts.");
    }

    // The status as it should be for this schedule: unchanged when its next occurrence follows from what it last worked from.
    private static async Task<ScheduleStatus> ReplanAsync(ScheduleStatus status, ISchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var basis = status.Last ?? status.LastUpdated;
        var expected = await schedule.GetNextOccurrenceAsync(basis, cancellationToken);
        if (expected == status.Next)
        {
            return status;
        }

        // The schedule changed: an occurrence of the new schedule that has already passed was never due, so plan from now.
        return now > expected ? new ScheduleStatus(null, await schedule.GetNextOccurrenceAsync(now, cancellationToken), now) : new ScheduleStatus(null, expected, basis);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The schedule of {Function} changed: next occurrence {Next:o} instead of {Recorded:o}")]
    private static partial void LogReplanned(ILogger logger, string function, DateTimeOffset recorded, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schedule status of {Function} was written by another host meanwhile (its last run {Last:o})")]
    private static partial void LogWrittenMeanwhile(ILogger logger, string function, DateTimeOffset? last);
}
