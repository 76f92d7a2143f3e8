namespace Reporting.Core.Strategy;

/// <summary>The organisation's digital-engagement strategy: its departments, KPIs and targets.</summary>
public sealed record EngagementStrategy(string Organisation, string Version, IReadOnlyList<Department> Departments, int SubmissionDeadlineDay = 5)
{
    private readonly IdIndex<Department> _departments = new(d => d.Id);

    public Department? FindDepartment(string departmentId) => _departments.Find(Departments, departmentId);
}
