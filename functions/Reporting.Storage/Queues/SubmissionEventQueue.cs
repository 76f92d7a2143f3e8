using Azure;
using Azure.Storage.Queues;

namespace Reporting.Storage.Queues;

/// <summary>
/// The queue Event Grid delivers the submission containers' BlobCreated events to, and beside it
/// <c>&lt;name&gt;-poison</c>, where messages that cannot be handled are kept (unchanged, so they can be replayed).
/// </summary>
public sealed class SubmissionEventQueue(ReportingStorageAccount account, string name)
{
    /// <summary>At most 32 messages per receive (the service's limit).</summary>
    public const int MaxBatch = 32;

    public string Name { get; } = name;

    public string PoisonName => Name + "-poison";

    private QueueClient Queue => account.QueueService.GetQueueClient(Name);

    private QueueClient Poison => account.QueueService.GetQueueClient(PoisonName);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Takes up to <paramref name="max"/> messages, hiding each for <paramref name="visibility"/>; deleted only once handled.</summary>
    public async Task<IReadOnlyList<QueuedEvent>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var messages = await Queue.ReceiveMessagesAsync(Math.Clamp(max, 1, MaxBatch), visibility, cancellationToken);
        return messages.Value.Select(m => new QueuedEvent(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount)).ToList();
    }

    /// <summary>Removes a handled message; one already gone (handled by another reader after its timeout) is fine.</summary>
    public async Task DeleteAsync(QueuedEvent message, CancellationToken cancellationToken)
    {
        try
        {
            await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its pop receipt is stale: another reader has it now and will delete it.
        }
    }

    /// <summary>Makes the message visible again after <paramref name="delay"/> (for an upload waiting for its retry or held by another host).</summary>
    public async Task ReturnLaterAsync(QueuedEvent message, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already with another reader.
        }
    }

    /// <summary>Copies the message, as it came, to the poison queue, then deletes it here: it is kept, never lost.</summary>
    public async Task MoveToPoisonAsync(QueuedEvent message, CancellationToken cancellationToken)
    {
        await Poison.SendMessageAsync(message.Text, cancellationToken: cancellationToken);
        await DeleteAsync(message, cancellationToken);
    }

    /// <summary>Puts a message on the queue (the tests and the benchmark do what Event Grid does in Azure).</summary>
    public Task SendAsync(string text, CancellationToken cancellationToken) => Queue.SendMessageAsync(text, cancellationToken: cancellationToken);

    /// <summary>
    /// Puts a message on the queue that no reader sees before <paramref name="delay"/> has passed (whole seconds, as the
    /// service counts them; at least one).
    /// </summary>
    public Task SendLaterAsync(string text, TimeSpan delay, CancellationToken cancellationToken) =>
        Queue.SendMessageAsync(text, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(delay.TotalSeconds))), cancellationToken: cancellationToken);

    /// <summary>The messages in the poison queue, without taking them (for people and tests).</summary>
    public async Task<IReadOnlyList<string>> PeekPoisonAsync(CancellationToken cancellationToken)
    {
        var messages = await Poison.PeekMessagesAsync(MaxBatch, cancellationToken);
        return messages.Value.Select(m => m.Body.ToString()).ToList();
    }

    /// <summary>How many messages wait in the queue (approximate, as the service reports it).</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken) =>
        (await Queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
}
