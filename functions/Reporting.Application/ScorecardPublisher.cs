using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Pdf;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;

namespace Reporting.Application;

/// <summary>
/// Scores a period against the strategy and publishes a new version of its leadership pack, department PDFs and
/// scorecard.json; records the version in the index and every run, failed or not, in the run log.
/// </summary>
public sealed partial class ScorecardPublisher(
    StrategySource strategies,
    KpiFigureTable figures,
    SubmissionHistoryTable history,
    ScorecardBlobs scorecards,
    ScorecardIndexStore index,
    ScorecardRunTable runs,
    ScorecardPdfRenderer renderer,
    IOptions<MonthlyScorecardOptions> options,
    RenderLock renderLock,
    TimeProvider clock,
    ILogger<ScorecardPublisher> logger,
    IEnumerable<IScorecardPublishedHandler>? handlers = null)
{
    public const string LeadershipPack = "leadership.pdf";
    public const string ScorecardJsonFile = "scorecard.json";

    /// <param name="period">The month to render.</param>
    /// <param name="trigger">Why it runs (timer, catch-up, stale, on demand, cli); recorded with the run.</param>
    /// <param name="cancellationToken">Stops the run; a cancelled run is recorded as failed.</param>
    public async Task<PublishedScorecard> PublishAsync(Period period, string trigger, CancellationToken cancellationToken) =>
        (await PublishWhenAsync(period, trigger, needed: null, cancellationToken))!;

    /// <summary>Renders <paramref name="period"/> only if it was never rendered (the timer's "due" run); null when it was.</summary>
    public Task<PublishedScorecard?> PublishUnlessRenderedAsync(Period period, string trigger, CancellationToken cancellationToken) =>
        PublishWhenAsync(period, trigger, index => index.Find(period.ToString()) is null, cancellationToken);

    /// <summary>
    /// Renders <paramref name="period"/> again only if it is still stale and its latest render is at least
    /// <see cref="MonthlyScorecardOptions.RerenderInterval"/> old; null when another run got there first or it is too soon.
    /// </summary>
    public Task<PublishedScorecard?> PublishIfStaleAsync(Period period, CancellationToken cancellationToken) =>
        PublishWhenAsync(period, "stale", index => index.Find(period.ToString()) is { Stale: true } entry && options.Value.NextRerender(entry) <= clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Scores <paramref name="period"/> again, without rendering, and returns it with the latest version's number when that
    /// version's scorecard.json is exactly what scoring gives now (so mail about that version can be composed without it
    /// having been kept); null when the month is stale, was never rendered, or scores otherwise now (a strategy change).
    /// </summary>
    public async Task<(Scorecard Scorecard, int Version)?> RescoreLatestAsync(Period period, CancellationToken cancellationToken)
    {
        await using var exclusive = await renderLock.AcquireAsync(period, options.Value.MaxRunDuration, cancellationToken);
        if ((await index.ReadAsync(cancellationToken)).Find(period.ToString()) is not { Stale: false } entry)
        {
            return null;
        }

        var (_, scorecard, _, _) = await ScoreAsync(period, cancellationToken);
        var stored = await scorecards.ReadVersionAsync(period, entry.LatestVersion, ScorecardJsonFile, cancellationToken);
        return ScorecardJson.ToUtf8(scorecard).AsSpan().SequenceEqual(stored) ? (scorecard, entry.LatestVersion) : null;
    }

    // The question is asked again under the month's lock: two runs that both saw the month due render it once.
    private async Task<PublishedScorecard?> PublishWhenAsync(Period period, string trigger, Func<ScorecardIndex, bool>? needed, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var exclusive = await renderLock.AcquireAsync(period, options.Value.MaxRunDuration, cancellationToken);
        if (needed is not null && !needed(await index.ReadAsync(cancellationToken)))
        {
            return null;
        }

        if (await runs.MarkInterruptedAsync(period.ToString(), cancellationToken) is > 0 and var interrupted)
        {
            LogInterrupted(logger, period.ToString(), interrupted);
        }

        var run = await runs.StartAsync(period.ToString(), trigger, options.Value.MaxRunDuration, cancellationToken);
        try
        {
            // What this render includes: read before the figures, so anything put in force after it is newer (and marks the month stale).
            var watermark = await figures.WatermarkAsync(ScorecardBuilder.FirstPeriodNeeded(period), period, cancellationToken);
            var (strategy, scorecard, loadMs, scoreMs) = await ScoreAsync(period, cancellationToken);
            var step = Stopwatch.StartNew();
            var version = await scorecards.StartVersionAsync(period, cancellationToken);
            var (names, renderMs) = await RenderAndStoreAsync(scorecard, version, cancellationToken);
            await scorecards.PromoteAsync(period, version, names, cancellationToken);
            await index.RecordVersionAsync(period, new IndexedVersion(version, clock.GetUtcNow(), strategy.Version, trigger, names, watermark), cancellationToken);
            var timings = new RunTimings(loadMs, scoreMs, renderMs, step.ElapsedMilliseconds - renderMs);
            await FinishAsync(period, run, "succeeded", version, null);
            var counts = scorecard.Counts;
            LogPublished(logger, period.ToString(), version, trigger, names.Count, counts.Green, counts.Amber, counts.Red, counts.Missing, watch.ElapsedMilliseconds, timings.ToString());
            await NotifyAsync(scorecard, version, names, cancellationToken);
            return new PublishedScorecard(scorecard, version, names, timings);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, period.ToString(), trigger, watch.ElapsedMilliseconds);
            await FinishAsync(period, run, "failed", null, SecretRedactor.Redact(ex.Message));
            throw;
        }
    }

    // The figures are read and scored in a method of their own, so they are garbage once scored: the render that follows
    // holds the scorecard only (this async method's locals would live on until it returns).
    private async Task<(EngagementStrategy Strategy, Scorecard Scorecard, long LoadMs, long ScoreMs)> ScoreAsync(Period period, CancellationToken cancellationToken)
    {
        var step = Stopwatch.StartNew();
        var (strategy, stored, received) = await LoadAsync(period, cancellationToken);
        var loadMs = step.ElapsedMilliseconds;
        step.Restart();
        var scorecard = ScorecardBuilder.Build(strategy, period, stored, received);
        return (strategy, scorecard, loadMs, step.ElapsedMilliseconds);
    }

    /// <summary>
    /// The strategy, the figures scoring needs and when each department's figures arrived. The scoring history's months
    /// do not depend on the strategy, so they are read while the strategy is read and parsed (a large strategy takes
    /// seconds); only months before them that a baseline reaches back to are read after, and put first, so the figures
    /// come in the same order as one read from the first month needed.
    /// </summary>
    private async Task<(EngagementStrategy Strategy, IReadOnlyList<KpiFigure> Figures, Dictionary<string, DateTimeOffset> Received)> LoadAsync(Period period, CancellationToken cancellationToken)
    {
        var historyStart = ScorecardBuilder.FirstPeriodNeeded(period);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var recent = figures.LoadAsync(historyStart, period, abandon.Token);
        var accepted = history.ListAcceptedAsync(period.ToString(), abandon.Token);
        try
        {
            var strategy = await strategies.GetAsync(cancellationToken);
            var first = ScorecardBuilder.FirstPeriodNeeded(strategy, period);
            var earlier = first < historyStart ? await figures.LoadAsync(first, historyStart.Previous(), cancellationToken) : [];
            var stored = earlier.Count == 0 ? await recent : [.. earlier, .. await recent];
            // The storage service's instants; scoring takes their day in the strategy's zone.
            var received = (await accepted)
                .GroupBy(r => r.Department)
                .ToDictionary(g => g.Key, g => g.Max(r => r.ReceivedUtc));
            return (strategy, stored, received);
        }
        catch
        {
            // No strategy (or a failed read), no run: the reads started alongside are stopped and waited for, and only
            // the first failure is the run's.
            await abandon.CancelAsync();
            await Task.WhenAll(recent, accepted).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    // The leadership pack, by far the largest file (every department's pages and more), renders on a thread of its own
    // while the other files render one at a time, each stored in the version's folder while the next is rendered. PDFs
    // are rendered into temporary files, not memory: a run holds the pack's document and one or two small files at most.
    // Returns the names (the pack first) and the time until every file was rendered and stored.
    private async Task<(List<string> Names, long RenderMs)> RenderAndStoreAsync(Scorecard scorecard, int version, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // Either side failing stops the other: the departments before their next file, the pack's upload if it has not begun.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pack = Task.Run(async () =>
        {
            try
            {
                await StoreAsync(scorecard.Period, version, Pdf(LeadershipPack, file => renderer.RenderLeadershipPack(scorecard, file)), stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None);
        List<string> others;
        try
        {
            others = await RenderAndStoreInTurnAsync(scorecard.Period, version, OtherFilesOf(scorecard, stop.Token), stop.Token);
        }
        catch (Exception failure)
        {
            await stop.CancelAsync();
            try
            {
                await pack; // never left running on, nor its failure unobserved
            }
            catch (Exception packFailure) when (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The departments only stopped because the pack failed: the pack's failure is the run's.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(packFailure);
            }
            catch (Exception)
            {
                // The departments' own failure is the run's.
            }

            throw;
        }

        await pack;
        return ([LeadershipPack, .. others], watch.ElapsedMilliseconds);
    }

    private async Task<List<string>> RenderAndStoreInTurnAsync(Period period, int version, IEnumerable<ScorecardFile> rendered, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var storing = Task.CompletedTask;
        using var files = rendered.GetEnumerator();
        while (true)
        {
            var next = files.MoveNext();
            try
            {
                await storing;
            }
            catch when (next)
            {
                await files.Current.DisposeAsync(); // the file just rendered is not stored either
                throw;
            }

            if (!next)
            {
                return names;
            }

            storing = StoreAsync(period, version, files.Current, cancellationToken);
            names.Add(files.Current.Name);
        }
    }

    private async Task StoreAsync(Period period, int version, ScorecardFile file, CancellationToken cancellationToken)
    {
        await using (file)
        {
            await scorecards.StoreAsync(period, version, file, cancellationToken);
        }
    }

    // Every file but the pack, rendered as they are asked for.
    private IEnumerable<ScorecardFile> OtherFilesOf(Scorecard scorecard, CancellationToken cancellationToken)
    {
        foreach (var department in scorecard.Departments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Pdf($"{department.Id}.pdf", pdf => renderer.RenderDepartment(scorecard, department, pdf));
        }

        yield return new(ScorecardJsonFile, new MemoryStream(ScorecardJson.ToUtf8(scorecard)), "application/json");
    }

    private static ScorecardFile Pdf(string name, Action<Stream> render)
    {
        var file = TemporaryFile.Create();
        try
        {
            render(file);
            return new(name, file, "application/pdf");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // Mail and other follow-ups run after the version is recorded; their failures are theirs, never the render's.
    private async Task NotifyAsync(Scorecard scorecard, int version, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers ?? [])
        {
            try
            {
                await handler.OnPublishedAsync(scorecard, version, files, cancellationToken);
            }
            catch (Exception ex)
            {
                // Even a shutdown here must not turn a published version into a failed run (which the timer would render again).
                LogHandlerFailed(logger, ex, scorecard.Period.ToString(), version, handler.GetType().Name);
            }
        }
    }

    // The run log must not hide the run's own outcome: a failure to log is logged, not thrown.
    private async Task FinishAsync(Period period, string run, string outcome, int? version, string? error)
    {
        try
        {
            await runs.FinishAsync(period.ToString(), run, outcome, version, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogRunNotRecorded(logger, ex, period.ToString(), outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} earlier scorecard runs for {Period} never finished (their host stopped); marked interrupted")]
    private static partial void LogInterrupted(ILogger logger, string period, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scorecards for {Period} as version {Version} ({Trigger}): {FileCount} files; {Green} on track, {Amber} at risk, {Red} off track, {Missing} missing; {ElapsedMs} ms ({Timings})")]
    private static partial void LogPublished(ILogger logger, string period, int version, string trigger, int fileCount, int green, int amber, int red, int missing, long elapsedMs, string timings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rendering the scorecards for {Period} ({Trigger}) failed after {ElapsedMs} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string period, string trigger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "After publishing {Period} version {Version}, {Handler} failed; the scorecards are published")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string period, int version, string handler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the {Outcome} scorecard run for {Period} in the run log")]
    private static partial void LogRunNotRecorded(ILogger logger, Exception exception, string period, string outcome);
}
