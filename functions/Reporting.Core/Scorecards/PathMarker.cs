using Reporting.Core.Periods;

namespace Reporting.Core.Scorecards;

/// <summary>A month where the strategy changed what "on track" means, with a short label ("3 targets changed", "strategy 2026.2").</summary>
public sealed record PathMarker(Period Period, string Label);
