namespace Reporting.Storage.Queues;

/// <summary>
/// What one queue message said: the blobs created, how many events were of other kinds (deletions, other services),
/// or, when the message is not an event at all, why (<see cref="Malformed"/>), so it can be set aside with that reason.
/// </summary>
public sealed record BlobEventBatch(IReadOnlyList<BlobCreated> Created, int OtherEvents, string? Malformed)
{
    public static BlobEventBatch Invalid(string reason) => new([], 0, reason);
}
