using Reporting.Core.Scorecards;

namespace Reporting.Functions.Pipeline;

/// <summary>What a scorecard run produced: the scorecard and the blob addresses of its files.</summary>
public sealed record PublishedScorecard(Scorecard Scorecard, IReadOnlyList<string> Files);
