using System.Globalization;
using Reporting.Core.Scorecards;

namespace Reporting.Application;

/// <summary>What a scorecard run produced: the scorecard, its version number, the names of its files, and where the time went.</summary>
public sealed record PublishedScorecard(Scorecard Scorecard, int Version, IReadOnlyList<string> Files, RunTimings Timings);

/// <summary>Milliseconds spent loading figures, scoring, rendering the PDFs and JSON, and uploading them.</summary>
public sealed record RunTimings(long LoadMs, long ScoreMs, long RenderMs, long UploadMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"load {LoadMs / 1000.0:0.0} s, score {ScoreMs / 1000.0:0.0} s, render {RenderMs / 1000.0:0.0} s, upload {UploadMs / 1000.0:0.0} s");
}
