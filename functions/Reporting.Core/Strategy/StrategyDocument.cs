namespace Reporting.Core.Strategy;

// The shape of strategy.yaml as people write it (docs/strategy-format.md); StrategyValidator turns it into domain records.
internal sealed class StrategyDocument
{
    public string? Organisation { get; set; }
    public string? Version { get; set; }
    public int? SubmissionDeadlineDay { get; set; }
    public string? TimeZone { get; set; }
    public List<DepartmentDocument>? Departments { get; set; }
    public List<string>? Leadership { get; set; }
    public List<string>? Admins { get; set; }
}

internal sealed class DepartmentDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public string? OwnerEmail { get; set; }
    public List<KpiDocument>? Kpis { get; set; }
}

internal sealed class KpiDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Currency { get; set; }
    public string? DurationUnit { get; set; }
    public string? Direction { get; set; }
    public string? Aggregation { get; set; }
    public double? AmberTolerance { get; set; }
    public RangeDocument? Allowed { get; set; }
    public double? Target { get; set; }
    public List<TargetDocument>? Targets { get; set; }
    public DerivationDocument? Derived { get; set; }
    public string? Due { get; set; }
    public bool? Input { get; set; }
}

internal sealed class RangeDocument
{
    public double? Min { get; set; }
    public double? Max { get; set; }
}

internal sealed class TargetDocument
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Period { get; set; }
    public double? Value { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public double? Change { get; set; }
    public BaselineDocument? Baseline { get; set; }
}

internal sealed class BaselineDocument
{
    public double? Value { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
}

internal sealed class DerivationDocument
{
    public List<string>? Numerator { get; set; }
    public List<string>? Denominator { get; set; }
    public double? Scale { get; set; }
}
