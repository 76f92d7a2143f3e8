using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reporting.LocalRunner;

namespace Reporting.Functions.Tests;

/// <summary>The local runner's timer: each occurrence of the schedule runs once, even when the timer wakes a little early.</summary>
public sealed class TimerFunctionListenerTests
{
    private const string EverySecond = "*/1 * * * * *";
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TimerWakingBeforeItsOccurrence_RunsEachOccurrenceOnce()
    {
        // Every timer fires 1 ms before it is due, as one whose delay is counted in whole milliseconds can: the run then ends
        // before the occurrence it ran, and the next occurrence must still be the one after it.
        var clock = new FakeTimeProvider(Start);
        var timers = new EarlyTimers(clock, TimeSpan.FromMilliseconds(1));
        var recorder = new RecordingTimerFunction.Runs();
        using var services = new ServiceCollection().AddSingleton(recorder).BuildServiceProvider();
        var invoker = new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>(), AppContext.BaseDirectory);
        var function = new LocalRunner.FunctionDefinition("Recording", Path.GetFileName(typeof(RecordingTimerFunction).Assembly.Location),
            $"{typeof(RecordingTimerFunction).FullName}.{nameof(RecordingTimerFunction.RunAsync)}", new TriggerBinding(TriggerBinding.Timer, "timer", null, EverySecond, null));
        using var stop = new CancellationTokenSource();
        var listening = new TimerFunctionListener(function, EverySecond, invoker, timers, NullLogger.Instance).RunAsync(stop.Token);

        // Move the clock to each timer the listener sets; the next one is set once the run the last one started has finished.
        var due = await NextTimerAsync(timers);
        while (recorder.Occurrences.Count < 3)
        {
            clock.Advance(due);
            due = await NextTimerAsync(timers);
        }

        await stop.CancelAsync();
        await listening;

        Assert.Equal([Start.AddSeconds(1).UtcDateTime, Start.AddSeconds(2).UtcDateTime, Start.AddSeconds(3).UtcDateTime], recorder.Occurrences);
    }

    private static Task<TimeSpan> NextTimerAsync(EarlyTimers timers) => timers.Created.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>A clock whose timers fire <paramref name="early"/> before they are due; tells the test each timer it makes.</summary>
    private sealed class EarlyTimers(FakeTimeProvider clock, TimeSpan early) : TimeProvider
    {
        public Channel<TimeSpan> Created { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var due = dueTime > early ? dueTime - early : TimeSpan.Zero;
            var timer = clock.CreateTimer(callback, state, due, period);
            Created.Writer.TryWrite(due);
            return timer;
        }
    }
}

/// <summary>A timer function the runner calls by its entry point, as it calls the app's; records each occurrence it is run for.</summary>
public sealed class RecordingTimerFunction(RecordingTimerFunction.Runs runs)
{
    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        runs.Occurrences.Enqueue(timer.ScheduleStatus!.LastUpdated);
        await Task.Yield(); // as a real function does: the runner goes on elsewhere, never on the thread that moved the clock
    }

    public sealed class Runs
    {
        public ConcurrentQueue<DateTime> Occurrences { get; } = new();
    }
}
