namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// When each submission container is listed next. A container where the last scan found something new is listed again
/// after <c>fastest</c>; each scan that finds nothing doubles its interval, up to <c>slowest</c>. So idle containers cost
/// a fixed number of list calls per hour (at most <c>3600 s / slowest</c> each), however many uploads they hold, and a
/// change (an upload seen, an event, a retry falling due) brings a container back to the fast pace.
/// With <c>fastest == slowest</c> every container is listed at that one pace (the local default: every second).
/// </summary>
internal sealed class ContainerScanSchedule(TimeSpan fastest, TimeSpan slowest)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _containers = new(StringComparer.Ordinal);

    public TimeSpan Fastest { get; } = fastest;

    public TimeSpan Slowest { get; } = slowest < fastest ? fastest : slowest;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _containers.Count;
            }
        }
    }

    /// <summary>Takes the current list of containers: new ones are due at once, removed ones are forgotten.</summary>
    public void Refresh(IEnumerable<string> containers, DateTimeOffset now)
    {
        lock (_lock)
        {
            var current = containers.ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _containers.Keys.Where(c => !current.Contains(c)).ToList())
            {
                _containers.Remove(gone);
            }

            foreach (var container in current)
            {
                _containers.TryAdd(container, new Entry(now, Fastest, Scanned: false));
            }
        }
    }

    /// <summary>The containers to list now, the longest overdue first.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _containers.Where(c => c.Value.Next <= now).OrderBy(c => c.Value.Next).Select(c => c.Key).ToList();
        }
    }

    /// <summary>
    /// Records a scan. Something new: next after <see cref="Fastest"/>. Nothing: the interval doubles, up to <see cref="Slowest"/>.
    /// A container's first slow interval is spread (by its name) over the second half of the interval, so a thousand
    /// containers found on start-up are not all listed again in the same second.
    /// </summary>
    public void Scanned(string container, bool foundNew, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_containers.TryGetValue(container, out var entry))
            {
                return;
            }

            var interval = foundNew ? Fastest : Min(entry.Interval * 2, Slowest);
            var wait = !entry.Scanned && interval > Fastest ? interval * (0.5 + (0.5 * Spread(container))) : interval;
            _containers[container] = new Entry(now + wait, interval, Scanned: true);
        }
    }

    /// <summary>Lists the container no later than <paramref name="at"/> and at the fast pace after that (an event, a retry falling due).</summary>
    public void Wake(string container, DateTimeOffset at)
    {
        lock (_lock)
        {
            _containers[container] = _containers.TryGetValue(container, out var entry)
                ? new Entry(entry.Next < at ? entry.Next : at, Fastest, entry.Scanned)
                : new Entry(at, Fastest, Scanned: false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // A stable fraction in [0, 1) from the name (string.GetHashCode differs per process, which would do as well, but this repeats).
    private static double Spread(string container)
    {
        var hash = 17u;
        foreach (var c in container)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (hash % 1000) / 1000.0;
    }

    private readonly record struct Entry(DateTimeOffset Next, TimeSpan Interval, bool Scanned);
}
