namespace Reporting.Core.Strategy;

/// <summary>
/// One KPI a department reports each month, with the target it is scored against.
/// <paramref name="AmberTolerance"/> is a fraction of the target: a miss within it is amber, beyond it red.
/// </summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    string Unit,
    Direction Direction,
    double? Target,
    double AmberTolerance,
    double? Minimum,
    double? Maximum);
