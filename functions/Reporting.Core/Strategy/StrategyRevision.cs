using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// A strategy version and the first month it was in force. The pipeline may pass the versions it has stored so the
/// path chart marks them; target changes written as dated entries in the strategy are found without it.
/// </summary>
public sealed record StrategyRevision(Period From, string Version);
