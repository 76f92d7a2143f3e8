namespace Reporting.Core.Strategy;

/// <summary>The organisation's digital-engagement strategy: its departments, KPIs and targets.</summary>
public sealed record EngagementStrategy(string Organisation, string Version, IReadOnlyList<Department> Departments, int SubmissionDeadlineDay = 5)
{
    public Department? FindDepartment(string departmentId) =>
        Departments.FirstOrDefault(d => string.Equals(d.Id, departmentId, StringComparison.OrdinalIgnoreCase));
}
