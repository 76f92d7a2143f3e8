using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.LocalDev;
using Reporting.Functions;
using Reporting.Storage.Tables;
using Reporting.Testing;
using Reporting.Core.Submissions;

namespace Reporting.IntegrationTests;

/// <summary>
/// What happens when things go wrong, with "the host" as a real process (the Function App's functions on the local runner,
/// which keeps the Functions host's queue rules): kills, outages, two runners on one queue. Results: docs/reliability.md.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultTests(AzuriteFixture azurite)
{
    private static readonly Period Latest = TestClock.LastMonth; // the host processes' clock starts at TestClock.Now

    private static IReadOnlyList<Period> Months(int count) => Enumerable.Range(0, count).Select(i => Latest.AddMonths(-i)).Reverse().ToList();

    private static async Task PrepareAsync(ReportingStorageAccount account, string strategyYaml, int departments)
    {
        await account.EnsureCreatedAsync(GeneratedOrganisation.DepartmentIds(departments));
        await new StrategyBlob(account).WriteAsync(strategyYaml, default);
    }

    private static async Task<int> AnswersAsync(ReportingStorageAccount account, IEnumerable<(string Department, string Name)> uploads)
    {
        var blobs = new SubmissionBlobs(account);
        var answered = 0;
        foreach (var (department, name) in uploads)
        {
            answered += await blobs.ReadResultJsonAsync(department, name, default) is null ? 0 : 1;
        }

        return answered;
    }

    private static async Task WaitForAnswersAsync(ReportingStorageAccount account, IReadOnlyList<(string Department, string Name)> uploads, int count, TimeSpan timeout, Func<string> context)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await AnswersAsync(account, uploads) < count)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"fewer than {count} of {uploads.Count} uploads answered within {timeout.TotalSeconds} s\n{context()}");
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task RunnerKilledMidIngest_ItsMessagesComeBack_AndEveryUploadIsAnsweredCompletelyAndOnce()
    {
        const int kpis = 250; // three table batches per file, so a kill can fall between them
        var account = TestStorage.Account(azurite);
        await PrepareAsync(account, GeneratedOrganisation.StrategyYaml(1, kpis), 1);
        var months = Months(24);
        var blobs = new SubmissionBlobs(account);
        var uploads = months.Select(m => (GeneratedOrganisation.DepartmentId(1), $"{m}.csv")).ToList();
        foreach (var (month, index) in months.Select((m, i) => (m, i)))
        {
            await blobs.UploadAsync(GeneratedOrganisation.DepartmentId(1), $"{month}.csv", new MemoryStream(Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(month, kpis, index))), default);
        }

        var first = HostProcess.Start(account);
        await WaitForAnswersAsync(account, uploads, 4, TimeSpan.FromSeconds(60), () => first.Output);
        first.Kill();
        var answeredBeforeKill = await AnswersAsync(account, uploads);

        await using var second = HostProcess.Start(account);
        await WaitForAnswersAsync(account, uploads, uploads.Count, TimeSpan.FromSeconds(90), () => second.Output);

        var figures = await new KpiFigureTable(account).LoadAsync(months[0], months[^1], default);
        foreach (var (month, index) in months.Select((m, i) => (m, i)))
        {
            var stored = figures.Where(f => f.Period == month).OrderBy(f => f.KpiId, StringComparer.Ordinal).Select(f => f.Value).ToList();
            Assert.True(Enumerable.Range(1, kpis).Select(k => GeneratedOrganisation.Value(index, k)).SequenceEqual(stored),
                $"{month}: {stored.Count} figures, not the file's {kpis}\n--- first host ---\n{first.Output}\n--- second host ---\n{second.Output}");
        }

        var history = await new SubmissionHistoryTable(account).ListAsync(GeneratedOrganisation.DepartmentId(1), default);
        Assert.True(history.Count == 24 && history.All(h => h.Status == SubmissionStatus.Accepted),
            $"history: {string.Join(", ", history.Select(h => $"{h.BlobName} {h.Status} {h.Problems}"))}\n--- second host ---\n{second.Output}");
        // Answered once: no upload accepted by both runners (one the first answered is never done again by the second).
        // The count of lines is no measure: the kill may fall between an answer and its log line.
        var acceptedByFirst = AcceptedNames(first.Output);
        var acceptedBySecond = AcceptedNames(second.Output);
        Assert.True(acceptedBySecond.Count == acceptedBySecond.Distinct().Count() && !acceptedBySecond.Intersect(acceptedByFirst).Any(),
            $"accepted twice\n--- first host ---\n{first.Output}\n--- second host ---\n{second.Output}");
        Console.WriteLine($"kill mid-ingest: {answeredBeforeKill} answered before the kill, {acceptedBySecond.Count} after it, all 24 complete");
    }

    [Fact]
    public async Task StorageOutageDuringIngestion_HostBacksOffLogsAndFinishesWhenItReturns()
    {
        var location = Directory.CreateTempSubdirectory("reporting-azurite-").FullName;
        var storage = await AzuriteEmulator.StartAsync(location, null);
        var ports = (storage.BlobPort, storage.QueuePort, storage.TablePort);
        try
        {
            var account = new ReportingStorageAccount(Options.Create(new StorageOptions { ConnectionString = storage.ConnectionString }));
            await PrepareAsync(account, GeneratedOrganisation.StrategyYaml(1, 5), 1);
            var months = Months(12);
            var uploads = months.Select(m => (GeneratedOrganisation.DepartmentId(1), $"{m}.csv")).ToList();
            var blobs = new SubmissionBlobs(account);
            await using var host = HostProcess.Start(account);
            foreach (var month in months.Take(6))
            {
                await blobs.UploadAsync(GeneratedOrganisation.DepartmentId(1), $"{month}.csv", new MemoryStream(Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(month, 5, 10))), default);
            }

            await WaitForAnswersAsync(account, uploads, 2, TimeSpan.FromSeconds(30), () => host.Output);
            var beforeOutage = host.Output.Length;
            await storage.StopAsync(); // the storage account goes away mid-batch
            // It comes back once the host has met the outage where it reads storage on its own: its queue listener's poll and
            // its safety net's timer have each failed after their retries and were logged (and the host goes on, shown below).
            await Eventually.GetAsync(() =>
            {
                var since = host.Output[beforeOutage..];
                return Task.FromResult(since.Contains("Polling the queue ", StringComparison.Ordinal) && since.Contains("Timer function EnqueueUnansweredUploads failed", StringComparison.Ordinal) ? since : null);
            }, "the host to log that storage is gone (a failed poll and a failed safety-net run)", TimeSpan.FromSeconds(60));
            storage = await AzuriteEmulator.StartAsync(location, ports);
            foreach (var month in months.Skip(6))
            {
                await blobs.UploadAsync(GeneratedOrganisation.DepartmentId(1), $"{month}.csv", new MemoryStream(Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(month, 5, 10))), default);
            }

            await WaitForAnswersAsync(account, uploads, uploads.Count, TimeSpan.FromSeconds(90), () => host.Output);

            var statuses = new List<string>();
            foreach (var (department, name) in uploads)
            {
                statuses.Add(JsonDocument.Parse((await blobs.ReadResultJsonAsync(department, name, default))!).RootElement.GetProperty("status").GetString()!);
            }

            Assert.All(statuses, s => Assert.Equal("accepted", s));
            Assert.Equal(12 * 5, (await new KpiFigureTable(account).LoadAsync(months[0], months[^1], default)).Count);
            Assert.DoesNotContain(AzuriteEmulator.AccountKey, host.Output);
            Assert.DoesNotContain("sig=", host.Output.Replace("sig=***", "", StringComparison.Ordinal));
        }
        finally
        {
            await storage.DisposeAsync();
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task HostKilledDuringARender_NoHalfWrittenFileIsVisible_AndTheNextRunCompletesAndLogsTheInterruption()
    {
        const int departments = 300; // a render of a few seconds, so the kill can land inside it
        var account = TestStorage.Account(azurite);
        await PrepareAsync(account, GeneratedOrganisation.StrategyYaml(departments, 12), departments);
        var temporary = Directory.CreateTempSubdirectory("reporting-fault-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["TMPDIR"] = temporary, // where the host renders its PDFs
            [FunctionSettings.MonthlyCheckSchedule] = "*/10 * * * * *",
            ["extensions:monthlyScorecards:maxRunDuration"] = "00:00:02",
        };
        var runs = new ScorecardRunTable(account, TimeProvider.System);
        var scorecards = new ScorecardBlobs(account);

        var first = HostProcess.Start(account, settings);
        // Kill while the run is logged as running and has begun writing its version: mid-upload.
        await Eventually.GetAsync(async () =>
            (await runs.ListAsync(Latest.ToString(), default)).Any(r => r.Outcome == ScorecardRunTable.Running)
            && (await scorecards.ListVersionsAsync(Latest, default)).Count > 0 ? "writing" : null, "a render to start writing", TimeSpan.FromSeconds(120));
        first.Kill();

        // The PDFs the killed host was rendering are gone with it, not left in the temp folder.
        Assert.Empty(Directory.GetFileSystemEntries(temporary, "reporting-*"));
        await AssertEveryVisibleFileIsCompleteAsync(scorecards);
        // Each process's clock starts at its own Reporting:Now: the second starts later that morning, as it would in real
        // time, so by its clock the killed run is older than maxRunDuration.
        await using var second = HostProcess.Start(account, new Dictionary<string, string?>(settings) { [TestClock.Key] = "2026-11-10T09:30:00Z" });
        var log = await Eventually.GetAsync(async () =>
        {
            var list = await runs.ListAsync(Latest.ToString(), default);
            return list.Any(r => r.Outcome == "succeeded") ? list : null;
        }, "a complete render after the restart", TimeSpan.FromSeconds(180));

        Assert.Contains(log, r => r.Outcome == ScorecardRunTable.Interrupted && r.Error!.Contains("did not finish", StringComparison.Ordinal));
        await AssertEveryVisibleFileIsCompleteAsync(scorecards);
        Assert.Equal(departments + 2, (await scorecards.ListAsync(Latest, default)).Count);
        var index = (await new ScorecardIndexStore(account).ReadAsync(default)).Find(Latest.ToString())!;
        Assert.Equal(departments + 2, index.Versions.Single(v => v.Version == index.LatestVersion).Files.Count);
    }

    [Fact]
    public async Task TwoRunnersOnOneQueue_TwoHundredUploads_EachStoredOnce_AndTheDueMonthRenderedOnce()
    {
        const int departments = 10;
        var account = TestStorage.Account(azurite);
        await PrepareAsync(account, GeneratedOrganisation.StrategyYaml(departments, 2), departments);
        var settings = new Dictionary<string, string?>(TimerOccurrences.Logged(nameof(MonthlyScorecards)))
        {
            [FunctionSettings.MonthlyCheckSchedule] = "*/4 * * * * *",
        };
        var months = Months(20);
        var uploads = Enumerable.Range(1, departments).SelectMany(d => months.Select(m => (GeneratedOrganisation.DepartmentId(d), $"{m}.csv"))).ToList();
        await using var one = HostProcess.Start(account, settings);
        await using var two = HostProcess.Start(account, settings);
        var blobs = new SubmissionBlobs(account);
        foreach (var (department, name) in uploads)
        {
            await blobs.UploadAsync(department, name, new MemoryStream(Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(Period.Parse(name[..7]), 2, 1))), default);
        }

        await WaitForAnswersAsync(account, uploads, uploads.Count, TimeSpan.FromSeconds(240), () => one.Output + two.Output); // a shared 2-core machine

        var history = new SubmissionHistoryTable(account);
        foreach (var department in GeneratedOrganisation.DepartmentIds(departments))
        {
            var records = await history.ListAsync(department, default);
            Assert.True(records.Count == 20 && records.All(r => r.Status == SubmissionStatus.Accepted), $"{department}: {string.Join(", ", records.Select(r => $"{r.BlobName} {r.Status}"))}");
        }

        Assert.Equal(400, (await new KpiFigureTable(account).LoadAsync(months[0], months[^1], default)).Count);
        var handledByOne = AcceptedNames(one.Output).Count;
        var handledByTwo = AcceptedNames(two.Output).Count;
        Assert.Equal(200, AcceptedNames(one.Output).Union(AcceptedNames(two.Output)).Count());

        // Both runners fire the monthly timer at every occurrence; the month due is rendered once all the same: once its render
        // is logged as finished, each runner runs a later occurrence, and no other timer run is logged.
        var runLog = new ScorecardRunTable(account, TimeProvider.System);
        await Eventually.GetAsync(async () => (await runLog.ListAsync(Latest.ToString(), default)).Any(r => r.Trigger == "timer" && r.Outcome == "succeeded") ? "rendered" : null,
            "the timer's render to be logged as finished", TimeSpan.FromSeconds(60));
        var rendered = TimeProvider.System.GetUtcNow();
        var firedByOne = await TimerOccurrences.AfterAsync(() => one.Output.Split('\n'), nameof(MonthlyScorecards), rendered, "runner one");
        var firedByTwo = await TimerOccurrences.AfterAsync(() => two.Output.Split('\n'), nameof(MonthlyScorecards), rendered, "runner two");
        TimerOccurrences.AssertEachOnce(firedByOne, "runner one");
        TimerOccurrences.AssertEachOnce(firedByTwo, "runner two");
        var timerRuns = (await runLog.ListAsync(Latest.ToString(), default)).Where(r => r.Trigger == "timer").ToList();
        Assert.Equal("succeeded", Assert.Single(timerRuns).Outcome);
        Console.WriteLine($"two runners: {handledByOne} + {handledByTwo} accepted lines for 200 uploads ({handledByOne + handledByTwo - 200} duplicates, stored once), one timer render; each runner ran {firedByOne.Count} and {firedByTwo.Count} occurrences");
    }

    // "Accepted <department> <period> from <file>" lines: which uploads a runner put in force.
    private static List<string> AcceptedNames(string output) =>
        output.Split('\n').Where(l => l.Contains(" Accepted dept-", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf(" Accepted ", StringComparison.Ordinal)..l.IndexOf(':', l.IndexOf(" Accepted ", StringComparison.Ordinal))]).ToList();

    private static async Task AssertEveryVisibleFileIsCompleteAsync(ScorecardBlobs scorecards)
    {
        foreach (var name in await scorecards.ListAsync(Latest, default))
        {
            var bytes = await scorecards.ReadAsync(Latest, name, default);
            if (name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                Assert.True(Encoding.ASCII.GetString(bytes, 0, 5) == "%PDF-" && Encoding.ASCII.GetString(bytes[^7..]).Contains("%%EOF", StringComparison.Ordinal), $"{name} is not a complete PDF");
            }
            else
            {
                JsonDocument.Parse(bytes).Dispose();
            }
        }
    }
}
