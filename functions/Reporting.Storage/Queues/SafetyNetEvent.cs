using System.Text.Json;

namespace Reporting.Storage.Queues;

/// <summary>
/// The message the safety net puts on the events queue for an upload no event announced: a <c>BlobCreated</c> event in
/// the Event Grid schema, so the Ingest function reads it like any other. It carries no event time (the blob's own times order it), and the listed version's ETag, so an upload whose name storage
/// cannot address again (it rewrites <c>..</c>) can still be answered.
/// </summary>
public static class SafetyNetEvent
{
    public static string For(string container, string blobName, string? etag = null) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString("N"),
        eventType = BlobEventReader.BlobCreatedType,
        subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        dataVersion = "",
        data = new { api = "SafetyNet", eTag = etag?.Trim('"') },
    });
}
