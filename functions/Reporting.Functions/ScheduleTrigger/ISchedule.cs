namespace Reporting.Functions.ScheduleTrigger;

/// <summary>When a <see cref="ScheduleTriggerAttribute"/> function runs. Implementations are created through DI, so they can read settings.</summary>
public interface ISchedule
{
    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, in UTC. Asynchronous because a schedule may follow settings
    /// kept in storage (the monthly run follows the strategy's deadline); once it has answered, it should answer from what it
    /// last read when storage is unreachable, so a listener keeps to its schedule through an outage.
    /// </summary>
    Task<DateTimeOffset> GetNextOccurrenceAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>
    /// How often a listener waiting for the next occurrence asks again, for schedules whose settings can change while the host
    /// runs; null (the default) for a schedule fixed at start.
    /// </summary>
    TimeSpan? ReplanInterval => null;
}
