using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Reporting.Core.Periods;
using Reporting.LocalDev;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Metering;
using Reporting.Storage.Queues;
using Reporting.Storage.Receipts;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// What an idle host costs with years of history, and how fast it answers a new upload: many department containers
/// full of earlier uploads (their answers in separate containers, receipts done), the landed host started as its own
/// process in three ways (polling every second as before; adaptive polling; Event Grid events with a safety-net scan),
/// the host's and Azurite's CPU read from /proc over an idle window, the storage requests counted by the host itself
/// (<see cref="StorageOperationCounter"/>, logged every 5 s) and the answer latency of new uploads.
/// </summary>
internal static class ScanCostBenchmark
{
    private const string Section = "5. Scan cost";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(AzuriteEmulator azurite, ScanSettings settings, Period period)
    {
        var account = BenchmarkStorage.Account(azurite.ConnectionString, "scan");
        var seed = Stopwatch.StartNew();
        await SeedAsync(account, settings, period, azurite.ProcessId);
        var seeded = seed.Elapsed;
        Console.WriteLine($"   seeded {settings.Departments * settings.UploadsPerDepartment:N0} uploads in {seeded.TotalSeconds:0} s");
        var results = new List<Measurement>
        {
            new(Section, $"history: {settings.Departments:N0} department containers x {settings.UploadsPerDepartment} earlier uploads, receipts done"
                    + (settings.Answers ? ", each answered (its JSON) in the department's answer container" : " (answers not seeded)"),
                $"{settings.Departments * settings.UploadsPerDepartment:N0} uploads{(settings.Answers ? $" + {settings.Departments * settings.UploadsPerDepartment:N0} answers" : "")}, seeded in {seeded.TotalSeconds:0} s", "", ""),
            await ListingCostAsync(azurite, account, settings),
        };

        var queue = new SubmissionEventQueue(account, "scan-events");
        // The event mode first, the old polling last: polling every container every second cannot keep up with 1,000
        // containers (a pass takes minutes on a loaded machine), so it gets three uploads, each waiting for a whole pass.
        var modes = new[]
        {
            new Mode($"C. events queue + safety-net scan every {settings.SafetyNet.TotalMinutes:0} min", new() { ["extensions:submissionBlobs:eventQueue"] = queue.Name, ["extensions:submissionBlobs:safetyNetInterval"] = settings.SafetyNet.ToString("c", CultureInfo.InvariantCulture) }, Events: true, AllAtOnce: false, Settle: TimeSpan.FromSeconds(20), Uploads: settings.NewUploads),
            new Mode("B. adaptive polling, idle containers every minute", new() { ["extensions:submissionBlobs:idlePollingInterval"] = "00:01:00" }, Events: false, AllAtOnce: true, Settle: TimeSpan.FromSeconds(75), Uploads: settings.NewUploads),
            new Mode("A. polling every second (before)", new() { }, Events: false, AllAtOnce: false, Settle: TimeSpan.FromSeconds(10), Uploads: 3),
        };

        for (var m = 0; m < modes.Length; m++)
        {
            if (!settings.Modes.Contains(modes[m].Name[0], StringComparison.Ordinal))
            {
                continue;
            }

            Console.WriteLine($"   {modes[m].Name} ...");
            var departments = Enumerable.Range(0, modes[m].Uploads).Select(i => GeneratedOrganisation.DepartmentId(1 + (((m * settings.NewUploads) + i) * 7 % settings.Departments))).Distinct().ToList();
            var rows = await RunModeAsync(azurite, account, queue, modes[m], settings, departments, period);
            foreach (var row in rows)
            {
                Console.WriteLine($"     {row.Figure}: {row.Value}");
            }

            results.AddRange(rows);
        }

        return results;
    }

    private static async Task<IReadOnlyList<Measurement>> RunModeAsync(
        AzuriteEmulator azurite, ReportingStorageAccount account, SubmissionEventQueue queue, Mode mode, ScanSettings settings, IReadOnlyList<string> departments, Period period)
    {
        var hostSettings = BenchmarkStorage.Settings(account);
        hostSettings["Reporting:Now"] = "2026-11-10T09:00:00Z";
        hostSettings["logging:logLevel:Reporting.Functions"] = "Information";
        hostSettings["logging:logLevel:Reporting.Functions.ScheduleTrigger"] = "Warning";
        hostSettings[OperationLog.Setting] = "00:00:05";
        foreach (var (key, value) in mode.Settings)
        {
            hostSettings[key] = value;
        }

        var root = AzuriteInstallation.FindRepositoryRoot();
        var logPath = Path.Combine(Path.GetTempPath(), $"reporting-scan-{Environment.ProcessId}-{mode.Name[0]}.log");
        await using var host = await LocalHostProcess.StartAsync(root, "Release", hostSettings, logPath, default);
        var firstPass = await WaitForAsync(host, "First scan of", TimeSpan.FromMinutes(15));
        Console.WriteLine($"     {firstPass.Trim()}");
        await Task.Delay(mode.Settle);

        var (elapsed, hostCpu, azuriteCpu, _, perHour) = await MeasureWindowAsync(host, azurite, settings.IdleWindow);

        var cycleRows = new List<Measurement>();
        if (mode.Events)
        {
            // Any window as long as the safety-net interval, after the first pass, holds exactly one listing of every
            // container: its CPU is the whole cycle's average, what an idle hour costs at that interval.
            var (cycle, hostCycle, azuriteCycle, cycleCounts, cycleOps) = await MeasureWindowAsync(host, azurite, settings.SafetyNet);
            var cycleTotal = hostCycle + azuriteCycle;
            var lists = cycleCounts[StorageOperationKind.BlobList];
            cycleRows.Add(new(Section, $"{mode.Name}: CPU over one whole safety-net cycle ({cycle.TotalMinutes:0.0} min, {lists:N0} container listings), host / Azurite (% of one core)",
                $"{hostCycle:0.0}% / {azuriteCycle:0.0}% = {cycleTotal:0.0}%", "< 5% together", cycleTotal < 5 ? "met" : "missed"));
            cycleRows.Add(new(Section, $"{mode.Name}: storage requests per hour over that cycle (counted by the host)", $"{cycleOps.Values.Sum():N0}: {Describe(cycleOps)}", "", ""));
            if (settings.DeployedSafetyNet > settings.SafetyNet)
            {
                // The pass costs the same whatever the interval; a longer interval spreads it over more time.
                var idle = hostCpu + azuriteCpu;
                var deployed = idle + ((cycleTotal - idle) * settings.SafetyNet / settings.DeployedSafetyNet);
                cycleRows.Add(new(Section, $"the same at the deployed safety net ({settings.DeployedSafetyNet.TotalMinutes:0} min): the idle CPU above plus this cycle's passes spread over the longer interval (computed from the two measurements)",
                    $"{idle:0.0}% + ({cycleTotal:0.0}% - {idle:0.0}%) x {settings.SafetyNet / settings.DeployedSafetyNet:0.###} = {deployed:0.0}%", "< 5%", deployed < 5 ? "met" : "missed"));
            }
        }

        var blobs = new SubmissionBlobs(account);
        var latencies = mode.AllAtOnce
            ? await Task.WhenAll(departments.Select(d => UploadAndWaitAsync(blobs, queue, account, d, period, mode.Events)))
            : await SequentialAsync(departments, d => UploadAndWaitAsync(blobs, queue, account, d, period, mode.Events));
        var p95 = Percentiles.Of(latencies, 95);
        var total = perHour.Values.Sum();
        var how = mode.AllAtOnce ? "at once, each into an idle container" : "one at a time";
        return
        [
            new(Section, $"{mode.Name}: idle CPU over {elapsed.TotalSeconds:0} s{(mode.Events ? " between safety-net passes" : "")}, host / Azurite (% of one core)", $"{hostCpu:0.0}% / {azuriteCpu:0.0}%", mode.Events ? "" : "< 5% together", mode.Events ? "" : hostCpu + azuriteCpu < 5 ? "met" : "missed"),
            new(Section, $"{mode.Name}: storage requests per idle hour{(mode.Events ? " between safety-net passes" : "")} (counted by the host)", $"{total:N0}: {Describe(perHour)}", "", ""),
            .. cycleRows,
            new(Section, $"{mode.Name}: {latencies.Length} new uploads {how}, answered p50 / p95", $"{Percentiles.Of(latencies, 50):0.00} s / {p95:0.00} s", "p95 < 2 s", p95 < 2 ? "met" : "missed"),
        ];
    }

    private static async Task<double[]> SequentialAsync(IReadOnlyList<string> departments, Func<string, Task<double>> run)
    {
        var results = new List<double>();
        foreach (var department in departments)
        {
            results.Add(await run(department));
        }

        return [.. results];
    }

    /// <summary>
    /// What one container listing costs the emulator with this history: the scan's own listing of one department
    /// container (its 50 uploads), 200 times in a row, and the emulator's CPU time over them.
    /// </summary>
    private static async Task<Measurement> ListingCostAsync(AzuriteEmulator azurite, ReportingStorageAccount account, ScanSettings settings)
    {
        const int listings = 200;
        var blobs = new SubmissionBlobs(account);
        var container = account.SubmissionContainer(GeneratedOrganisation.DepartmentId(1)).Name;
        var (cpu0, watch) = (ProcessCpu.Used(azurite.ProcessId), Stopwatch.StartNew());
        var found = 0;
        for (var i = 0; i < listings; i++)
        {
            await foreach (var _ in blobs.ListUploadsAsync(container, default))
            {
                found++;
            }
        }

        var cpuMs = (ProcessCpu.Used(azurite.ProcessId) - cpu0).TotalMilliseconds / listings;
        var wallMs = watch.Elapsed.TotalMilliseconds / listings;
        return new(Section, $"one container listing ({found / listings} uploads) as the scan makes it, {listings} in a row: the emulator's CPU / wall time per listing",
            $"{cpuMs:0.0} ms / {wallMs:0.0} ms; a pass over {settings.Departments:N0} containers: {cpuMs * settings.Departments / 1000:0.0} s of the emulator's CPU", "", "");
    }

    /// <summary>Uploads a month as the department would, plays Event Grid when the host takes events, and times the answer from the upload's end.</summary>
    private static async Task<double> UploadAndWaitAsync(SubmissionBlobs blobs, SubmissionEventQueue queue, ReportingStorageAccount account, string department, Period period, bool events)
    {
        var name = $"{period}.csv";
        var csv = Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period, 5, 3));
        await blobs.UploadAsync(department, name, new MemoryStream(csv), default);
        var watch = Stopwatch.StartNew();
        if (events)
        {
            await queue.SendAsync(EventGridMessage(account.Options.SubmissionContainerPrefix + department, name), default);
        }

        while (await blobs.ReadResultJsonAsync(department, name, default) is null)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{department}/{name} not answered in 5 minutes");
            }

            await Task.Delay(20);
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>A BlobCreated event as Event Grid puts it on a storage queue: Event Grid schema, Base64-encoded.</summary>
    private static string EventGridMessage(string container, string name) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
    {
        topic = "/subscriptions/0/resourceGroups/reporting/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        subject = $"/blobServices/default/containers/{container}/blobs/{name}",
        eventType = BlobEventReader.BlobCreatedType,
        id = Guid.NewGuid().ToString(),
        data = new { api = "PutBlob", blobType = "BlockBlob" },
        dataVersion = "",
        metadataVersion = "1",
        eventTime = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    }));

    // One window of an idle host: its length, the host's and Azurite's CPU (% of one core), the requests the host counted
    // in it, and the same per hour. Starts and ends on the host's operation log lines, so the counts cover the window.
    private static async Task<(TimeSpan Elapsed, double HostCpu, double AzuriteCpu, Dictionary<StorageOperationKind, long> Counts, Dictionary<StorageOperationKind, double> PerHour)> MeasureWindowAsync(
        LocalHostProcess host, AzuriteEmulator azurite, TimeSpan length)
    {
        var (before, _) = await OperationLog.NextAsync(host);
        var (hostCpu0, azuriteCpu0, watch) = (ProcessCpu.Used(host.ProcessId), ProcessCpu.Used(azurite.ProcessId), Stopwatch.StartNew());
        await Task.Delay(length);
        var (after, _) = await OperationLog.NextAsync(host);
        var elapsed = watch.Elapsed;
        var hostCpu = ProcessCpu.PercentOfCore(hostCpu0, ProcessCpu.Used(host.ProcessId), elapsed);
        var azuriteCpu = ProcessCpu.PercentOfCore(azuriteCpu0, ProcessCpu.Used(azurite.ProcessId), elapsed);
        var counts = Enum.GetValues<StorageOperationKind>().ToDictionary(k => k, k => after[k] - before[k]);
        return (elapsed, hostCpu, azuriteCpu, counts, counts.ToDictionary(c => c.Key, c => c.Value * 3600.0 / elapsed.TotalSeconds));
    }

    private static string Describe(Dictionary<StorageOperationKind, double> perHour) =>
        string.Join(", ", perHour.Where(p => p.Value >= 0.5).Select(p => $"{p.Key} {p.Value:N0}"));

    private static async Task<string> WaitForAsync(LocalHostProcess host, string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var line = host.ReadLog().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the host did not log '{text}' in {timeout}; see {host.LogPath}");
    }

    /// <summary>
    /// 1,000 containers of 50 uploads each, written 16 at a time; with <see cref="ScanSettings.Answers"/>, each upload's answer
    /// (its JSON) in the department's answer container, apart from the uploads; each version's receipt recorded as done,
    /// as a host that answered them would have left it.
    /// </summary>
    private static async Task SeedAsync(ReportingStorageAccount account, ScanSettings settings, Period period, int azuriteProcessId)
    {
        var seeding = Stopwatch.StartNew();
        var departments = GeneratedOrganisation.DepartmentIds(settings.Departments).ToList();
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(settings.Departments, 5), default);
        await account.EnsureCreatedAsync([]);
        var receipts = new BlobReceiptStore(account, TimeProvider.System);
        var done = 0;
        // 16 requests at once keep the single-threaded emulator busy without queueing requests past their timeout.
        await Parallel.ForEachAsync(departments, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (department, token) =>
        {
            var uploads = account.SubmissionContainer(department);
            var answers = account.AnswerContainer(department);
            await uploads.CreateIfNotExistsAsync(cancellationToken: token);
            if (settings.Answers)
            {
                await answers.CreateIfNotExistsAsync(cancellationToken: token);
            }
            var versions = new ConcurrentBag<(string, string)>();
            await Parallel.ForEachAsync(Enumerable.Range(1, settings.UploadsPerDepartment), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token }, async (month, inner) =>
            {
                var earlier = period.AddMonths(-month);
                var name = $"{earlier}.csv";
                var csv = BinaryData.FromString(GeneratedOrganisation.SubmissionCsv(earlier, 5, month));
                var etag = await Patiently(async () => (await uploads.GetBlobClient(name).UploadAsync(csv, overwrite: true, inner)).Value.ETag.ToString("H"));
                versions.Add((name, etag));
                if (settings.Answers)
                {
                    // The answer's JSON, its contract (the text and problems sheet beside it are renderings of it): with
                    // all three, 200,000 blobs, the emulator's own clean-up pass stalled it for minutes (see notes).
                    await Patiently(() => Put(answers, SubmissionBlobs.ResultBlobName(name, ".json"), $$"""{"status":"accepted","file":"{{name}}"}""", inner));
                }
            });
            await Patiently(() => receipts.RecordHandledAsync(uploads.Name, versions, token));
            if (Interlocked.Increment(ref done) % 100 == 0)
            {
                Console.WriteLine($"     {done:N0} of {departments.Count:N0} departments seeded ({seeding.Elapsed.TotalSeconds:0} s; the emulator's memory {EmulatorMegabytes(azuriteProcessId):N0} MB)");
            }
        });
    }

    // The emulator stops answering for minutes while it cleans up its storage (its blob GC, every 10 minutes, takes
    // longer the more blobs it holds): seeding waits for it instead of failing.
    private static async Task<T> Patiently<T>(Func<Task<T>> write)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (watch.Elapsed < TimeSpan.FromMinutes(20) && ex is Azure.RequestFailedException or AggregateException or TaskCanceledException or IOException or HttpRequestException)
            {
                Console.WriteLine($"     (the emulator did not answer: {ex.GetType().Name}; trying again)");
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
        }
    }

    private static Task Patiently(Func<Task> write) => Patiently(async () =>
    {
        await write();
        return true;
    });

    private static long EmulatorMegabytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();

    private static Task Put(BlobContainerClient container, string name, string text, CancellationToken token) =>
        container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, token);

    private sealed record Mode(string Name, Dictionary<string, string?> Settings, bool Events, bool AllAtOnce, TimeSpan Settle, int Uploads);
}

/// <summary>How big the scan-cost scenario is.</summary>
/// <param name="Answers">Also write each earlier upload's answer (its JSON) into the answer containers (off with <c>--scan-no-answers</c>):
/// twice the seeding; the scan never lists those containers, but the emulator's costs grow with every blob in the account.</param>
/// <param name="Modes">Which modes to run (<c>--scan-modes CBA</c>); <paramref name="SafetyNet"/> is mode C's safety-net interval (<c>--scan-safety-net</c>).</param>
/// <param name="DeployedSafetyNet">The safety net <c>infra/</c> deploys; when longer than <paramref name="SafetyNet"/>, the measured cycle is also spread over it.</param>
internal sealed record ScanSettings(int Departments, int UploadsPerDepartment, int NewUploads, TimeSpan IdleWindow, bool Answers = true, string Modes = "CBA", TimeSpan SafetyNet = default, TimeSpan DeployedSafetyNet = default)
{
    public static ScanSettings Full { get; } = new(1_000, 50, 20, TimeSpan.FromSeconds(60), SafetyNet: TimeSpan.FromMinutes(10), DeployedSafetyNet: TimeSpan.FromHours(1));
}
