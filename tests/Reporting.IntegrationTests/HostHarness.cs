using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.LocalRunner;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The Function App's functions on the local runner, in this process (the same registrations and listeners as the runner's
/// process), on the fixture's Azurite with storage names unique to the test, and its clock starting at
/// <see cref="TestClock.Now"/> (settings may override <see cref="TestClock.Key"/>).
/// </summary>
internal sealed class HostHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LogLines _log;

    private HostHarness(IHost host, ReportingStorageAccount account, AcceptedCounter accepted, LogLines log)
    {
        _host = host;
        Account = account;
        Accepted = accepted;
        _log = log;
    }

    public ReportingStorageAccount Account { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>How often this host accepted figures for each department and month: once per upload, however often it was offered.</summary>
    public AcceptedCounter Accepted { get; }

    public SubmissionBlobs Blobs => Services.GetRequiredService<SubmissionBlobs>();

    public KpiFigureTable Figures => Services.GetRequiredService<KpiFigureTable>();

    /// <summary>
    /// The runner's settings for tests: queues polled fast, failed messages back soon, and the timers that render, mail or
    /// publish parked on a far-off occurrence (00:00 on 1 January, real time), so that a test that counts renders or
    /// messages never meets a 10-minute tick by chance; a test about a timer sets its schedule.
    /// </summary>
    public static Dictionary<string, string?> FastQueues() => new()
    {
        ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
        ["extensions:queues:visibilityTimeout"] = "00:00:00.200",
        ["LocalRunner:MessageLease"] = "00:00:05",
        [FunctionSettings.MonthlyCheckSchedule] = Never,
        [FunctionSettings.ReminderSchedule] = Never,
        [FunctionSettings.MailRetrySchedule] = Never,
        [FunctionSettings.PageRefreshSchedule] = Never,
    };

    /// <summary>A six-field schedule that does not fire while a test runs.</summary>
    public const string Never = "0 0 0 1 1 *";

    /// <param name="logs">When given, receives every log line the host writes at its levels (Warning; the timers' finished occurrences at Debug).</param>
    public static async Task<HostHarness> StartAsync(ReportingStorageAccount account, Dictionary<string, string?>? settings = null, bool uploadStrategy = true, LogLines? logs = null)
    {
        var all = TestStorage.Settings(account);
        all[TestClock.Key] = TestClock.NowText;
        all["logging:logLevel:default"] = "Warning";
        all["logging:Console:logLevel:Function"] = "Warning"; // the timers' Debug lines below are for the log the harness reads, not the console
        foreach (var (key, value) in FastQueues().Concat(TimerOccurrences.Logged(nameof(MonthlyScorecards), nameof(EnqueueUnansweredUploads))).Concat(settings ?? []))
        {
            all[key] = value;
        }

        // The host records refused requests where the test's account does, so the fixture sees them.
        var accepted = new AcceptedCounter();
        var log = logs ?? new LogLines();
        var host = LocalRunnerHost.CreateBuilder([], all)
            .ConfigureServices(services => services.AddSingleton(account.RuleViolations).AddSingleton<ISubmissionAcceptedHandler>(accepted))
            .ConfigureLogging(logging =>
            {
                logging.AddProvider(log);
            })
            .Build();
        if (uploadStrategy)
        {
            var yaml = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml"));
            await host.Services.GetRequiredService<StrategyBlob>().WriteAsync(yaml, default);
        }

        await account.EnsureCreatedAsync(["sales", "customer-support", "hr"]);
        await host.StartAsync();
        return new HostHarness(host, account, accepted, log);
    }

    public Task UploadAsync(string department, string blobName, string csv) =>
        Blobs.UploadAsync(department, blobName, new MemoryStream(Encoding.UTF8.GetBytes(csv)), default);

    /// <summary>Uploads a file as it is on disk: a workbook, or text in an encoding other than UTF-8.</summary>
    public Task UploadAsync(string department, string blobName, byte[] content) =>
        Blobs.UploadAsync(department, blobName, new MemoryStream(content), default);

    /// <summary>Waits for the answer the pipeline writes beside an upload, as the uploader would.</summary>
    public async Task<JsonElement> ResultAsync(string department, string blobName, Func<JsonElement, bool>? until = null)
    {
        var json = await Eventually.GetAsync(async () =>
        {
            var text = await Blobs.ReadResultJsonAsync(department, blobName, default);
            return text is not null && (until is null || until(JsonDocument.Parse(text).RootElement)) ? text : null;
        }, $"the result of {department}/{blobName}");
        return JsonDocument.Parse(json).RootElement;
    }

    /// <summary>
    /// Waits until this host has finished an occurrence of a timer function (<see cref="MonthlyScorecards"/> or
    /// <see cref="EnqueueUnansweredUploads"/>) scheduled after <paramref name="after"/>, real time; returns every occurrence it finished.
    /// </summary>
    public Task<IReadOnlyList<DateTimeOffset>> TimerOccurrenceAfterAsync(string function, DateTimeOffset after, string name = "the host") =>
        TimerOccurrences.AfterAsync(_log.Snapshot, function, after, name);

    /// <summary>
    /// Waits until the events queue holds no message, visible or not (storage counts the hidden ones a host is working on), so
    /// every message put on it so far has been handled and deleted.
    /// </summary>
    public Task QueueDrainedAsync() =>
        Eventually.GetAsync(async () =>
            (await Account.QueueService.GetQueueClient(Account.Options.EventQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? "drained" : null,
            "the events queue to be drained");

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        AzureRulesAssert.NoneIn(Account.RuleViolations, "the host");
    }

    /// <summary>Counts the accepted notifications the Application layer sends after each accepted upload.</summary>
    internal sealed class AcceptedCounter : ISubmissionAcceptedHandler
    {
        private readonly ConcurrentDictionary<(string, Period), int> _counts = new();

        public int this[string department, Period period] => _counts.GetValueOrDefault((department, period));

        public int Total => _counts.Values.Sum();

        public Task OnAcceptedAsync(string department, Period period, CancellationToken cancellationToken)
        {
            _counts.AddOrUpdate((department, period), 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
