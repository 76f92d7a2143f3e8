namespace Reporting.Functions.ScheduleTrigger;

/// <summary>When a <see cref="ScheduleTriggerAttribute"/> function runs. Implementations are created through DI, so they can read settings.</summary>
public interface ISchedule
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    DateTimeOffset GetNextOccurrence(DateTimeOffset after);
}
