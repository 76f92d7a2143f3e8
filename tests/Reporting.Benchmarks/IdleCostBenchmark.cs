using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NCrontab;
using Reporting.Functions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Metering;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// What an idle month costs on Flex Consumption, computed from the timers as deployed: each timer function is run with
/// the app's real registrations against the emulator (once to settle, then measured), its storage requests counted by
/// billing class and its time taken, and both are multiplied by how often its schedule (<see cref="FunctionSettings.Defaults"/>,
/// which infra sets) fires in an hour and a 730-hour month. The Functions host's own requests (its listener locks and
/// queue polls, which run while an instance runs) are computed from the host's documented defaults, not measured.
/// </summary>
internal static class IdleCostBenchmark
{
    private const double HoursPerMonth = 730;
    private const double InstanceGigabytes = 2; // instanceMemoryMB 2048 (infra)

    // List prices, West Europe, December 2026 (docs/deploy.md): USD per 10,000 requests by billing class.
    private static readonly Dictionary<StorageOperationKind, double> PricePer10K = new()
    {
        [StorageOperationKind.BlobList] = 0.065,
        [StorageOperationKind.BlobWrite] = 0.065,
        [StorageOperationKind.BlobRead] = 0.005,
        [StorageOperationKind.BlobOther] = 0.005,
        [StorageOperationKind.Table] = 0.00036,
        [StorageOperationKind.QueueReceive] = 0.004,
        [StorageOperationKind.QueueWrite] = 0.004,
    };

    private sealed record TimerFunction(string Name, string ScheduleSetting, Func<IServiceProvider, Task> RunAsync);

    private static readonly TimerFunction[] Timers =
    [
        new(nameof(EnqueueUnansweredUploads), FunctionSettings.SafetyNetSchedule, s => Make<EnqueueUnansweredUploads>(s).RunAsync(new TimerInfo(), default)),
        new(nameof(MonthlyScorecards), FunctionSettings.MonthlyCheckSchedule, s => Make<MonthlyScorecards>(s).RunAsync(new TimerInfo(), default)),
        new(nameof(RetryUndeliveredMail), FunctionSettings.MailRetrySchedule, s => Make<RetryUndeliveredMail>(s).RunAsync(new TimerInfo(), default)),
        new(nameof(RefreshDepartmentPages), FunctionSettings.PageRefreshSchedule, s => Make<RefreshDepartmentPages>(s).RunAsync(new TimerInfo(), default)),
        new(nameof(SendDeadlineReminders), FunctionSettings.ReminderSchedule, s => Make<SendDeadlineReminders>(s).RunAsync(new TimerInfo(), default)),
    ];

    public static async Task<IReadOnlyList<Measurement>> RunAsync(string connection, IReadOnlyList<int> departmentCounts)
    {
        var results = new List<Measurement>();
        foreach (var departments in departmentCounts)
        {
            results.AddRange(await MeasureAsync(connection, departments));
        }

        results.AddRange(PlatformWhileRunning());
        return results;
    }

    private static async Task<IReadOnlyList<Measurement>> MeasureAsync(string connection, int departments)
    {
        var account = BenchmarkStorage.Account(connection, $"idle{departments}");
        var ids = GeneratedOrganisation.DepartmentIds(departments).ToList();
        await account.EnsureCreatedAsync(ids);
        var settings = BenchmarkStorage.Settings(account);
        settings["Reporting:Now"] = "2026-11-20T12:00:00Z"; // October published once the first check has run; nothing due after
        settings["extensions:departmentPages:autoRefresh"] = "true"; // as deployed (the other scenarios turn it off)
        settings["Mail:Host"] = "localhost"; // as deployed, mail on; an idle month has nothing in the outbox, so nothing is sent
        settings["Mail:Security"] = "None";
        settings["Mail:From"] = "reporting@example.org";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddReportingFunctions(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<StrategyBlob>().WriteAsync(GeneratedOrganisation.StrategyYaml(departments, 5), default);
        var operations = services.GetRequiredService<ReportingStorageAccount>().Operations;

        var results = new List<Measurement>();
        var perHour = Enum.GetValues<StorageOperationKind>().ToDictionary(k => k, _ => 0.0);
        double executionsPerMonth = 0, gigabyteSecondsPerMonth = 0;
        foreach (var timer in Timers)
        {
            await timer.RunAsync(services); // settles: the first check publishes the due month, the first refresh the pages
            var before = Snapshot(operations);
            var watch = Stopwatch.StartNew();
            await timer.RunAsync(services);
            var seconds = watch.Elapsed.TotalSeconds;
            var requests = Enum.GetValues<StorageOperationKind>().ToDictionary(k => k, k => operations[k] - before[k]);
            var runsPerHour = RunsPerHour(FunctionSettings.Defaults[timer.ScheduleSetting]);
            foreach (var (kind, count) in requests)
            {
                perHour[kind] += count * runsPerHour;
            }

            executionsPerMonth += runsPerHour * HoursPerMonth;
            gigabyteSecondsPerMonth += runsPerHour * HoursPerMonth * seconds * InstanceGigabytes;
            results.Add(new Measurement("5. Idle cost",
                $"{departments:N0} departments: {timer.Name} (`{FunctionSettings.Defaults[timer.ScheduleSetting]}`, {runsPerHour:0.##} a hour), one idle run",
                $"{requests.Values.Sum():N0} requests ({Describe(requests)}), {seconds:0.00} s", "", ""));
        }

        var hourly = perHour.Values.Sum();
        var storageCost = perHour.Sum(p => p.Value * HoursPerMonth / 10_000 * PricePer10K[p.Key]);
        results.Add(new Measurement("5. Idle cost", $"{departments:N0} departments: our storage requests per idle hour, from the timers as deployed",
            $"{hourly:N0} ({Describe(perHour)}); {hourly * HoursPerMonth:N0} a month = {storageCost:0.00} USD", "", ""));
        results.Add(new Measurement("5. Idle cost", $"{departments:N0} departments: timer executions a month, and their GB-s at {InstanceGigabytes:0} GB an instance",
            $"{executionsPerMonth:N0} executions, {gigabyteSecondsPerMonth:N0} GB-s: {(executionsPerMonth <= 250_000 && gigabyteSecondsPerMonth <= 100_000 ? "inside the monthly free grant (250,000 executions, 100,000 GB-s), 0 USD" : $"{Math.Max(0, executionsPerMonth - 250_000) / 1e6 * 0.40 + Math.Max(0, gigabyteSecondsPerMonth - 100_000) * 0.000026:0.00} USD after the free grant")}; without the grant {executionsPerMonth / 1e6 * 0.40 + gigabyteSecondsPerMonth * 0.000026:0.00} USD", "", ""));
        return results;
    }

    /// <summary>
    /// The host's own storage requests while an instance runs, from its defaults (WebJobs SingletonOptions: a timer's
    /// listener lock is a 60 s blob lease renewed at half its period; the primary-host lock a 15 s lease, likewise;
    /// an idle queue listener polls at host.json's maxPollingInterval, here 2 s, on the queue and its poison queue).
    /// With timers every 5 and 10 minutes an instance rarely scales in, so these run most of the month.
    /// </summary>
    private static IEnumerable<Measurement> PlatformWhileRunning()
    {
        var leaseRenewals = Timers.Length * (3600 / 30.0) + 3600 / 7.5;
        var queuePolls = 2 * 3600 / 2.0;
        var cost = (leaseRenewals * PricePer10K[StorageOperationKind.BlobWrite] + queuePolls * PricePer10K[StorageOperationKind.QueueReceive]) * HoursPerMonth / 10_000;
        yield return new Measurement("5. Idle cost", "the Functions host's own requests per hour while an instance runs (computed from its defaults, not measured)",
            $"{leaseRenewals + queuePolls:N0} ({leaseRenewals:N0} lease renewals: {Timers.Length} timer listener locks every 30 s and the primary-host lock every 7.5 s; {queuePolls:N0} polls of the two idle queues every 2 s); {cost:0.00} USD a month if an instance runs all month", "", "");
    }

    private static double RunsPerHour(string schedule)
    {
        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        return cron.GetNextOccurrences(start, start.AddDays(30)).Count() / (30 * 24.0);
    }

    private static T Make<T>(IServiceProvider services) => ActivatorUtilities.CreateInstance<T>(services);

    private static Dictionary<StorageOperationKind, long> Snapshot(StorageOperationCounter operations) =>
        Enum.GetValues<StorageOperationKind>().ToDictionary(k => k, k => operations[k]);

    private static string Describe<T>(Dictionary<StorageOperationKind, T> counts)
        where T : IConvertible =>
        string.Join(", ", counts.Where(c => c.Value.ToDouble(null) > 0).Select(c => $"{c.Key} {c.Value.ToDouble(null):N0}"));
}
