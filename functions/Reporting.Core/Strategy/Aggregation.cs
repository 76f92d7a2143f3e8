namespace Reporting.Core.Strategy;

/// <summary>How a KPI's monthly figures combine into a quarter or year to date.</summary>
public enum Aggregation
{
    Sum,
    Average,
    Last,
}
