using System.Text.Json;

namespace Reporting.Storage.Queues;

/// <summary>
/// The message the safety net puts on the events queue for an upload no event announced: a <c>BlobCreated</c> event in
/// the Event Grid schema, so the Ingest function reads it like any other. It carries no event time: the blob's own times order it.
/// </summary>
public static class SafetyNetEvent
{
    public static string For(string container, string blobName) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString("N"),
        eventType = BlobEventReader.BlobCreatedType,
        subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        dataVersion = "",
        data = new { api = "SafetyNet" },
    });
}
