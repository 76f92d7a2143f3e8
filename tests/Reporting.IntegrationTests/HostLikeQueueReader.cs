using System.Collections.Concurrent;
using Reporting.Application.Uploads;
using Reporting.Storage.Queues;

namespace Reporting.IntegrationTests;

/// <summary>
/// One instance's queue trigger as host.json configures it, driven by the test: messages taken four at a time and hidden
/// while they run, the next batch fetched once no more than two still run, each message deleted once its handler
/// returned. The test decides when it stops, and sees every invocation in the order the messages were taken.
/// </summary>
/// <param name="taken">Every message taken, in the order taken, shared by the readers of one test (the instances).</param>
internal sealed class HostLikeQueueReader(SubmissionEventQueue queue, SubmissionEvents events, ConcurrentQueue<string> taken)
{
    private const int BatchSize = 4;
    private const int NewBatchThreshold = 2;
    private readonly List<Task> _running = [];

    /// <summary>Handler failures (the host would retry them); the test expects none.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    /// <summary>Reads until <paramref name="done"/> says so; handlers still running (held open by the test) run on.</summary>
    public async Task ReadUntilAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        while (!done())
        {
            cancellationToken.ThrowIfCancellationRequested();
            _running.RemoveAll(t => t.IsCompleted);
            if (_running.Count > NewBatchThreshold)
            {
                await Task.WhenAny(Task.WhenAny(_running), Task.Delay(100, cancellationToken)); // or look at done() again
                continue;
            }

            var batch = await queue.ReceiveAsync(BatchSize, TimeSpan.FromMinutes(10), cancellationToken);
            if (batch.Count == 0)
            {
                await Task.Delay(50, cancellationToken); // what is left is hidden for a while (deferred), or nothing is
                continue;
            }

            foreach (var message in batch)
            {
                taken.Enqueue(message.Text);
                _running.Add(HandleAsync(message, cancellationToken));
            }
        }
    }

    /// <summary>Waits for the handlers still running.</summary>
    public Task DrainAsync() => Task.WhenAll(_running);

    private async Task HandleAsync(QueuedEvent message, CancellationToken cancellationToken)
    {
        try
        {
            await events.HandleAsync(message.Text, cancellationToken);
            await queue.DeleteAsync(message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Failures.Enqueue(ex);
        }
    }
}
