using System.Diagnostics;
using System.Text;
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
    TimeProvider clock,
    ILogger<ScorecardPublisher> logger,
    IEnumerable<IScorecardPublishedHandler>? handlers = null)
{
    public const string LeadershipPack = "leadership.pdf";
    public const string ScorecardJsonFile = "scorecard.json";

    /// <param name="period">The month to render.</param>
    /// <param name="trigger">Why it runs (timer, catch-up, stale, on demand, cli); recorded with the run.</param>
    /// <param name="cancellationToken">Stops the run; a cancelled run is recorded as failed.</param>
    public async Task<PublishedScorecard> PublishAsync(Period period, string trigger, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (await runs.MarkInterruptedAsync(period.ToString(), cancellationToken) is > 0 and var interrupted)
        {
            LogInterrupted(logger, period.ToString(), interrupted);
        }

        var run = await runs.StartAsync(period.ToString(), trigger, options.Value.MaxRunDuration, cancellationToken);
        try
        {
            var step = Stopwatch.StartNew();
            var strategy = await strategies.GetAsync(cancellationToken);
            var (stored, receivedOn) = await LoadAsync(strategy, period, cancellationToken);
            var loadMs = step.ElapsedMilliseconds;
            step.Restart();
            var scorecard = ScorecardBuilder.Build(strategy, period, stored, receivedOn);
            var scoreMs = step.ElapsedMilliseconds;
            step.Restart();
            var files = Render(scorecard);
            var renderMs = step.ElapsedMilliseconds;
            step.Restart();
            var version = await scorecards.PublishAsync(period, files, cancellationToken);
            var names = files.Select(f => f.Name).ToList();
            await index.RecordVersionAsync(period, new IndexedVersion(version, clock.GetUtcNow(), strategy.Version, trigger, names), cancellationToken);
            var timings = new RunTimings(loadMs, scoreMs, renderMs, step.ElapsedMilliseconds);
            await FinishAsync(period, run, "succeeded", version, null);
            var counts = scorecard.Counts;
            LogPublished(logger, period.ToString(), version, trigger, files.Count, counts.Green, counts.Amber, counts.Red, counts.Missing, watch.ElapsedMilliseconds, timings.ToString());
            await NotifyAsync(scorecard, version, files, cancellationToken);
            return new PublishedScorecard(scorecard, version, names, timings);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, period.ToString(), trigger, watch.ElapsedMilliseconds);
            await FinishAsync(period, run, "failed", null, SecretRedactor.Redact(ex.Message));
            throw;
        }
    }

    private async Task<(IReadOnlyList<KpiFigure> Figures, Dictionary<string, DateOnly> ReceivedOn)> LoadAsync(EngagementStrategy strategy, Period period, CancellationToken cancellationToken)
    {
        var stored = figures.LoadAsync(ScorecardBuilder.FirstPeriodNeeded(strategy, period), period, cancellationToken);
        var accepted = history.ListAcceptedAsync(period.ToString(), cancellationToken);
        var receivedOn = (await accepted)
            .GroupBy(r => r.Department)
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Max(r => r.ReceivedUtc).UtcDateTime));
        return (await stored, receivedOn);
    }

    private List<ScorecardFile> Render(Scorecard scorecard)
    {
        var files = new List<ScorecardFile> { new(LeadershipPack, renderer.RenderLeadershipPack(scorecard), "application/pdf") };
        files.AddRange(scorecard.Departments.Select(d => new ScorecardFile($"{d.Id}.pdf", renderer.RenderDepartment(scorecard, d), "application/pdf")));
        files.Add(new ScorecardFile(ScorecardJsonFile, Encoding.UTF8.GetBytes(ScorecardJson.Serialize(scorecard)), "application/json"));
        return files;
    }

    // Mail and other follow-ups run after the version is recorded; their failures are theirs, never the render's.
    private async Task NotifyAsync(Scorecard scorecard, int version, List<ScorecardFile> files, CancellationToken cancellationToken)
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
