using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Reporting.LocalRunner;

/// <summary>Keeps a running message hidden, renewing its visibility at half the lease, as the host does; each renewal brings a new pop receipt.</summary>
internal sealed class MessageLease
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease)
    {
        PopReceipt = message.PopReceipt;
        _renewing = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(lease / 2, _stop.Token);
                PopReceipt = (await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: lease, cancellationToken: _stop.Token)).Value.PopReceipt;
            }
        });
    }

    public string PopReceipt { get; private set; }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
