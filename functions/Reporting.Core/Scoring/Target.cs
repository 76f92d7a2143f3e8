namespace Reporting.Core.Scoring;

/// <summary>The target in force for one KPI and month: a value, or a range for range KPIs; <see cref="Description"/> says where it came from.</summary>
public sealed record Target(double? Value, double? Min, double? Max, string Description)
{
    public bool IsRange => Min is not null && Max is not null;
}
