namespace Reporting.Core.Strategy;

public enum UnitKind
{
    Count,
    Percent,
    Ratio,
    Currency,
    Duration,
    Milestone,
}
