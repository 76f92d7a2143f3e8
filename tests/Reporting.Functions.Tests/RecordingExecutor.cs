using System.Threading.Channels;
using Microsoft.Azure.WebJobs.Host.Executors;
using Reporting.Functions.ScheduleTrigger;

namespace Reporting.Functions.Tests;

/// <summary>Stands in for the WebJobs executor under a schedule listener: records each run and lets a test wait for the next.</summary>
internal sealed class RecordingExecutor : ITriggeredFunctionExecutor
{
    private readonly Channel<ScheduleInfo> _runs = Channel.CreateUnbounded<ScheduleInfo>();

    public List<ScheduleInfo> Runs { get; } = [];

    public bool Succeed { get; set; } = true;

    public Task<FunctionResult> TryExecuteAsync(TriggeredFunctionData input, CancellationToken cancellationToken)
    {
        var info = (ScheduleInfo)input.TriggerValue;
        lock (Runs)
        {
            Runs.Add(info);
        }

        _runs.Writer.TryWrite(info);
        return Task.FromResult(new FunctionResult(Succeed));
    }

    public async Task<ScheduleInfo> NextAsync() => await _runs.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
}
