namespace Reporting.Storage.Queues;

/// <summary>One message taken from the events queue: hidden from other readers until its visibility timeout runs out.</summary>
public sealed record QueuedEvent(string MessageId, string PopReceipt, string Text, long DequeueCount);
