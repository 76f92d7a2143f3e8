using Reporting.Core.Periods;
using Reporting.Functions.Functions;
using Reporting.Functions.Locks;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Leases;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>The schedule trigger across host processes: catching up a missed occurrence once, and a killed host's timer taken over.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleFaultTests(AzuriteFixture azurite)
{
    private const string Function = nameof(MonthlyScorecards);
    private static readonly string ListenerLock = BlobLeaseDistributedLockManager.BlobName(null, $"reporting/{typeof(MonthlyScorecards).FullName}.{nameof(MonthlyScorecards.RunAsync)}.Listener");
    private static readonly Period Latest = TestClock.LastMonth; // host processes run on the tests' clock

    private static async Task<ReportingStorageAccount> PrepareAsync(AzuriteFixture azurite)
    {
        var account = TestStorage.Account(azurite);
        await account.EnsureCreatedAsync(GeneratedOrganisation.DepartmentIds(2));
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(2, 2), default);
        return account;
    }

    private static async Task<IReadOnlyList<ScorecardRun>> TimerRunsAsync(ReportingStorageAccount account) =>
        (await new ScorecardRunTable(account, TimeProvider.System).ListAsync(Latest.ToString(), default)).Where(r => r.Trigger.StartsWith("timer", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task HostStartedAfterAMissedOccurrence_RunsItOnceAsACatchUp_AndTheNextHostDoesNotRunItAgain()
    {
        var account = await PrepareAsync(azurite);
        var settings = new Dictionary<string, string?> { ["extensions:monthlyScorecards:schedule"] = "0 0 6 6 * *" };
        var schedule = CronSchedule.Parse("0 0 6 6 * *");
        var now = TestClock.Now; // the host process's clock starts here (Reporting:Now)
        var occurrences = new List<DateTimeOffset> { schedule.GetNextOccurrence(now.AddDays(-70)) };
        while (schedule.GetNextOccurrence(occurrences[^1]) <= now)
        {
            occurrences.Add(schedule.GetNextOccurrence(occurrences[^1]));
        }

        // The last host ran the occurrence before last and went away; the latest one passed with no host up.
        var (ranLast, missed) = (occurrences[^2], occurrences[^1]);
        var statuses = new ScheduleStatusStore(account, TestStorage.Leases(account));
        await statuses.TryWriteAsync("reporting", Function, new ScheduleStatus(ranLast, missed, ranLast), null, default);

        await using (var host = HostProcess.Start(account, settings))
        {
            var recorded = await Eventually.GetAsync(async () => (await statuses.ReadAsync("reporting", Function, default)) is { Status.Last: { } last } read && last > now ? read : null,
                "the catch-up run to be recorded", TimeSpan.FromSeconds(60));
            Assert.Equal(schedule.GetNextOccurrence(recorded.Status.Last!.Value), recorded.Status.Next);
            Assert.True(recorded.Status.Next > now, host.Output);
            var run = Assert.Single(await TimerRunsAsync(account));
            Assert.Equal(("timer (catch-up)", "succeeded"), (run.Trigger, run.Outcome));
            Assert.Contains($"missed its occurrence at {missed:o}", host.Output);
        }

        await using var next = HostProcess.Start(account, settings);
        var started = await Eventually.GetAsync(() => Task.FromResult(next.Output.Split('\n').FirstOrDefault(l => l.Contains($"{Function} runs on", StringComparison.Ordinal))),
            "the next host's schedule to start", TimeSpan.FromSeconds(60));
        Assert.Contains("past due False", started);
        Assert.Single(await TimerRunsAsync(account));
    }

    [Fact]
    public async Task TimerLockHeldByAKilledHost_IsTakenOverByTheOtherHost_AfterTheLeaseExpires()
    {
        var account = await PrepareAsync(azurite);
        var settings = new Dictionary<string, string?>
        {
            ["extensions:monthlyScorecards:schedule"] = "*/2 * * * * *",
            ["singleton:listenerLockPeriod"] = "00:00:15",
            ["singleton:listenerLockRecoveryPollingInterval"] = "00:00:15",
        };
        var leases = new BlobLeaseStore(account, TestStorage.Leases(account));
        Task<string?> OwnerAsync() => leases.GetOwnerAsync(ListenerLock, default);

        var first = HostProcess.Start(account, settings);
        var firstOwner = $"{Environment.MachineName}:{first.Id}";
        await Eventually.GetAsync(async () => await OwnerAsync() == firstOwner ? "held" : null, "the first host to hold the timer's lock", TimeSpan.FromSeconds(60));
        await Eventually.GetAsync(async () => (await TimerRunsAsync(account)).Count > 0 ? "ran" : null, "the first host's timer to run", TimeSpan.FromSeconds(30));
        await using var second = HostProcess.Start(account, settings);
        await Eventually.GetAsync(() => Task.FromResult(second.Output.Contains("stands by", StringComparison.Ordinal) ? "standing by" : null),
            $"the second host to stand by\n{second.Output}", TimeSpan.FromSeconds(60));

        first.Kill();
        var killed = DateTimeOffset.UtcNow;
        var succeededBefore = (await TimerRunsAsync(account)).Count(r => r.Outcome == "succeeded"); // the hosts' clock is the tests', not this one
        Assert.Equal(firstOwner, await OwnerAsync()); // renewed at half its period, the lease outlives the kill by 7.5 s or more

        var secondOwner = $"{Environment.MachineName}:{second.Id}";
        await Eventually.GetAsync(async () => await OwnerAsync() == secondOwner ? "taken" : null,
            $"the second host to take the lock over\n{second.Output}", TimeSpan.FromSeconds(60));
        var takenAfter = DateTimeOffset.UtcNow - killed;
        await Eventually.GetAsync(async () => (await TimerRunsAsync(account)).Count(r => r.Outcome == "succeeded") > succeededBefore ? "ran" : null,
            $"the second host's timer to run\n{second.Output}", TimeSpan.FromSeconds(30));
        Assert.Contains("taken over by", second.Output);
        Assert.InRange(takenAfter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15 + 15 + 10));
        Console.WriteLine($"timer lock taken over {takenAfter.TotalSeconds:0.0} s after the kill (lease 15 s, recovery polling 15 s)");
    }
}
