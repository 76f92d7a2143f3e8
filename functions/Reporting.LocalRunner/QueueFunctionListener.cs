using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Reporting.LocalRunner;

/// <summary>
/// Runs one queue-triggered function with the host's rules: messages taken in batches and hidden while they run (the lease
/// renewed at half its length), deleted after success; after a failure hidden for host.json <c>visibilityTimeout</c>, and
/// after the <c>maxDequeueCount</c>-th attempt moved to <c>&lt;queue&gt;-poison</c>. A message that comes back taken more
/// often than that (its runner died) goes to the poison queue without running. An empty queue is polled less and less often,
/// down to <c>maxPollingInterval</c>.
/// </summary>
internal sealed partial class QueueFunctionListener(
    FunctionDefinition function,
    QueueClient queue,
    QueueClient poison,
    QueueHostOptions options,
    FunctionInvoker invoker,
    ILogger logger)
{
    private static readonly TimeSpan FastestPoll = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken stopping)
    {
        var wait = FastestPoll;
        var running = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // As the host: the next batch is fetched once no more than newBatchThreshold messages still run.
                running.RemoveAll(t => t.IsCompleted);
                if (running.Count > options.NewBatchThreshold)
                {
                    await Task.WhenAny(running);
                    continue;
                }

                await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(Math.Clamp(options.BatchSize, 1, 32), options.MessageLease, stopping);
                if (messages.Length == 0)
                {
                    await Task.Delay(wait, stopping);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, Math.Max(FastestPoll.Ticks, options.MaxPollingInterval.Ticks)));
                    continue;
                }

                wait = FastestPoll;
                running.AddRange(messages.Select(m => HandleAsync(m, stopping)));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex, queue.Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // One message to the end; a storage failure on the way (delete, update, poison) is logged, and the message, still
    // in the queue, comes back after its lease: it never stops the other messages of the batch.
    private async Task HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        try
        {
            await RunAsync(message, stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogSettleFailed(logger, ex, message.MessageId, function.Name);
        }
    }

    private async Task RunAsync(QueueMessage message, CancellationToken stopping)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            await PoisonAsync(message, message.PopReceipt);
            return;
        }

        var lease = new MessageLease(queue, message, options.MessageLease);
        try
        {
            await invoker.InvokeAsync(function, Text(message), stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            await lease.StopAsync();
            LogFailed(logger, ex, function.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, lease.PopReceipt);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }

            return;
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message stays hidden until its lease ends, then another runner takes it, as with the host.
            await lease.StopAsync();
            return;
        }

        await lease.StopAsync();
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // its lease ran out and another runner has it: that one finds the upload answered
        }
    }

    private string Text(QueueMessage message) =>
        string.Equals(options.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()))
            : message.Body.ToString();

    // As the host does: a copy of the message as it came, then the original deleted.
    private async Task PoisonAsync(QueueMessage message, string popReceipt)
    {
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(message.Body.ToString());
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, popReceipt);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already taken by another runner after its lease ended
        }

        LogPoisoned(logger, message.MessageId, function.Name, message.DequeueCount, poison.Name);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} for {Function} was taken {DequeueCount} times and was moved to the queue {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string function, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} for {Function} ran, but could not be deleted or put back; it comes back after its lease")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string messageId, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the queue {Queue} failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);
}
