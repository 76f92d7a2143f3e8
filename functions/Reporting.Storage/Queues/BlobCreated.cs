namespace Reporting.Storage.Queues;

/// <summary>
/// A blob was created or overwritten in <paramref name="Container"/> (the name as the service stores it). Event Grid adds
/// when (<paramref name="EventTime"/>, to 100 ns, where the blob's Last-Modified has whole seconds) and, for one blob name,
/// in which order (<paramref name="Sequencer"/>); a safety-net message has neither. <paramref name="Deferrals"/>: how often the
/// Ingest function has put this event back on the queue for later because its department had enough uploads in flight.
/// </summary>
public sealed record BlobCreated(string Container, string BlobName, DateTimeOffset? EventTime = null, string? Sequencer = null, string? ETag = null, int Deferrals = 0);
