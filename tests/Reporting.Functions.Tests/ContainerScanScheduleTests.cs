using Reporting.Functions.SubmissionBlobTrigger;

namespace Reporting.Functions.Tests;

/// <summary>Idle containers slow down to a fixed ceiling; anything new (an upload seen, a wake) brings one back to the fast pace.</summary>
public sealed class ContainerScanScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Refresh_NewContainers_AreDueAtOnce_RemovedOnesForgotten()
    {
        var schedule = new ContainerScanSchedule(Second, TimeSpan.FromMinutes(1));
        schedule.Refresh(["a", "b"], T0);

        Assert.Equal(["a", "b"], schedule.Due(T0).Order());
        schedule.Refresh(["b"], T0);
        Assert.Equal(["b"], schedule.Due(T0));
    }

    [Fact]
    public void Scanned_NothingNew_DoublesTheInterval_UpToTheSlowest()
    {
        var schedule = new ContainerScanSchedule(Second, TimeSpan.FromSeconds(8));
        schedule.Refresh(["a"], T0);
        var now = T0;
        var waits = new List<double>();
        for (var scan = 0; scan < 6; scan++)
        {
            schedule.Scanned("a", foundNew: false, now);
            var next = NextDue(schedule, "a", now);
            waits.Add((next - now).TotalSeconds);
            now = next;
        }

        // The first slow wait is spread by the name over the second half of its interval; then 4, 8, 8, ...
        Assert.InRange(waits[0], 1, 2);
        Assert.Equal([4.0, 8, 8, 8, 8], waits.Skip(1));
    }

    [Fact]
    public void Scanned_SomethingNew_ResetsToTheFastest()
    {
        var schedule = new ContainerScanSchedule(Second, TimeSpan.FromMinutes(1));
        schedule.Refresh(["a"], T0);
        var now = T0;
        for (var scan = 0; scan < 10; scan++)
        {
            schedule.Scanned("a", foundNew: false, now);
            now = NextDue(schedule, "a", now);
        }

        schedule.Scanned("a", foundNew: true, now);

        Assert.Empty(schedule.Due(now + TimeSpan.FromMilliseconds(999)));
        Assert.Equal(["a"], schedule.Due(now + Second));
    }

    [Fact]
    public void Wake_BringsAnIdleContainerForward()
    {
        var schedule = new ContainerScanSchedule(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        schedule.Refresh(["a"], T0);
        schedule.Scanned("a", foundNew: false, T0);
        Assert.Empty(schedule.Due(T0 + TimeSpan.FromMinutes(4)));

        schedule.Wake("a", T0 + TimeSpan.FromSeconds(4));

        Assert.Empty(schedule.Due(T0 + TimeSpan.FromSeconds(3)));
        Assert.Equal(["a"], schedule.Due(T0 + TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void IdleHour_CostsAFixedNumberOfListings_PerContainer()
    {
        var schedule = new ContainerScanSchedule(Second, TimeSpan.FromMinutes(1));
        var containers = Enumerable.Range(0, 1000).Select(i => $"submissions-d{i:0000}").ToList();
        schedule.Refresh(containers, T0);
        var listings = 0;
        for (var now = T0; now < T0 + TimeSpan.FromHours(1); now += Second)
        {
            foreach (var container in schedule.Due(now))
            {
                listings++;
                schedule.Scanned(container, foundNew: false, now);
            }
        }

        // At most one per minute per container, plus the climb from one second to a minute (1, 2, 4, ... 32 s).
        Assert.InRange(listings, 1000 * 60, 1000 * (60 + 7));
    }

    private static DateTimeOffset NextDue(ContainerScanSchedule schedule, string container, DateTimeOffset from)
    {
        for (var t = from; t < from + TimeSpan.FromHours(2); t += TimeSpan.FromMilliseconds(100))
        {
            if (schedule.Due(t).Contains(container))
            {
                return t;
            }
        }

        throw new InvalidOperationException("never due");
    }
}
