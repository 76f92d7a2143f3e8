using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Reporting.LocalRunner;

/// <summary>
/// Keeps a running message hidden, renewing its visibility at half the lease, as the host does; each renewal brings a new
/// pop receipt. Only the wait between renewals is cancelled, never a renewal in flight, so the pop receipt kept is
/// always the message's latest.
/// </summary>
internal sealed class MessageLease
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private int _stopped;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease)
    {
        PopReceipt = message.PopReceipt;
        _renewing = Task.Run(async () =>
        {
            while (true)
            {
                await Task.Delay(lease / 2, _stop.Token);
                try
                {
                    PopReceipt = (await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: lease, cancellationToken: CancellationToken.None)).Value.PopReceipt;
                }
                catch (RequestFailedException)
                {
                    return; // the message is gone or with another reader; the run's delete or update will say so
                }
            }
        });
    }

    public string PopReceipt { get; private set; }

    /// <summary>Stops renewing; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
