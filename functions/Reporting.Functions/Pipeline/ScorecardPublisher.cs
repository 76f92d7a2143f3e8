using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;

namespace Reporting.Functions.Pipeline;

/// <summary>Scores a period against the strategy and writes the leadership pack, one PDF per department and scorecard.json.</summary>
public sealed partial class ScorecardPublisher(
    StrategySource strategies,
    KpiFigureTable figures,
    ScorecardBlobs scorecards,
    ScorecardPdfRenderer renderer,
    ILogger<ScorecardPublisher> logger)
{
    public const string LeadershipPack = "leadership.pdf";
    public const string ScorecardJsonFile = "scorecard.json";

    public async Task<PublishedScorecard> PublishAsync(Period period, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var strategy = await strategies.GetAsync(cancellationToken);
        var history = await figures.LoadAsync(ScorecardBuilder.FirstPeriodNeeded(period), period, cancellationToken);
        var scorecard = ScorecardBuilder.Build(strategy, period, history);

        var files = new List<string>
        {
            await scorecards.WriteAsync(period, LeadershipPack, renderer.RenderLeadershipPack(scorecard), "application/pdf", cancellationToken),
        };
        foreach (var department in scorecard.Departments)
        {
            files.Add(await scorecards.WriteAsync(period, $"{department.Id}.pdf", renderer.RenderDepartment(scorecard, department), "application/pdf", cancellationToken));
        }

        files.Add(await scorecards.WriteAsync(period, ScorecardJsonFile, Encoding.UTF8.GetBytes(ScorecardJson.Serialize(scorecard)), "application/json", cancellationToken));
        LogPublished(logger, period.ToString(), files.Count, scorecard.Counts.Green, scorecard.Counts.Amber, scorecard.Counts.Red, scorecard.Counts.Missing, watch.ElapsedMilliseconds);
        return new PublishedScorecard(scorecard, files);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scorecards for {Period}: {FileCount} files; {Green} on track, {Amber} at risk, {Red} off track, {Missing} missing; {ElapsedMs} ms")]
    private static partial void LogPublished(ILogger logger, string period, int fileCount, int green, int amber, int red, int missing, long elapsedMs);
}
