namespace Reporting.Core.Strategy;

/// <summary>
/// The organisation's digital-engagement strategy: its departments, KPIs and targets, and who is told:
/// <see cref="Recipients"/> (the leadership list and the admins; owners' addresses are on the departments).
/// </summary>
public sealed record EngagementStrategy(string Organisation, string Version, IReadOnlyList<Department> Departments, int SubmissionDeadlineDay = 5, StrategyRecipients? Recipients = null)
{
    /// <summary>The leadership and admin lists, empty when the file names none.</summary>
    public StrategyRecipients Mail => Recipients ?? StrategyRecipients.None;

    private readonly IdIndex<Department> _departments = new(d => d.Id);

    public Department? FindDepartment(string departmentId) => _departments.Find(Departments, departmentId);
}
