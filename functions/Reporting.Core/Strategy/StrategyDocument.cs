namespace Reporting.Core.Strategy;

// The shape of strategy.yaml as written by people; StrategyYaml turns it into the validated domain records.
internal sealed class StrategyDocument
{
    public string? Organisation { get; set; }
    public string? Version { get; set; }
    public List<DepartmentDocument>? Departments { get; set; }
}

internal sealed class DepartmentDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public List<KpiDocument>? Kpis { get; set; }
}

internal sealed class KpiDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Direction { get; set; }
    public double? Target { get; set; }
    public double? AmberTolerance { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
}
