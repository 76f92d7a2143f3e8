using Reporting.Core.Scorecards;

namespace Reporting.Functions.Pipeline;

/// <summary>What a scorecard run produced: the scorecard, its version number and the names of its files.</summary>
public sealed record PublishedScorecard(Scorecard Scorecard, int Version, IReadOnlyList<string> Files);
