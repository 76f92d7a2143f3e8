using Microsoft.Azure.WebJobs.Description;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>
/// Runs the function on a schedule, each occurrence once across all hosts (the listener is a singleton holding a blob lease), and
/// on start runs once, late, an occurrence missed while no host was running. The parameter must be a <see cref="ScheduleInfo"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
[Binding]
public sealed class ScheduleTriggerAttribute : Attribute
{
    /// <summary>A schedule type implementing <see cref="ISchedule"/>, created through DI.</summary>
    public ScheduleTriggerAttribute(Type scheduleType) => ScheduleType = scheduleType;

    /// <summary>A six-field cron expression in UTC, or a <c>%setting%</c> holding one.</summary>
    public ScheduleTriggerAttribute(string expression) => Expression = expression;

    public Type? ScheduleType { get; }

    public string? Expression { get; }
}
