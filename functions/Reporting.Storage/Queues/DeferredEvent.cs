using System.Globalization;
using System.Text.Json;

namespace Reporting.Storage.Queues;

/// <summary>
/// The message the Ingest function puts back on the events queue for an upload it defers (its department has enough
/// uploads in flight): a <c>BlobCreated</c> event in the Event Grid schema, read like any other. It keeps what the
/// original event said about the upload (its event time to 100 ns, sequencer and ETag), so the newest upload wins as it
/// would have, and counts the deferrals in <c>data.deferrals</c>, from which the next delay grows.
/// </summary>
public static class DeferredEvent
{
    public const string Api = "Deferred";

    public static string For(BlobCreated created) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString("N"),
        eventType = BlobEventReader.BlobCreatedType,
        subject = $"/blobServices/default/containers/{created.Container}/blobs/{created.BlobName}",
        eventTime = created.EventTime?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        dataVersion = "",
        data = new { api = Api, eTag = created.ETag?.Trim('"'), sequencer = created.Sequencer, deferrals = created.Deferrals + 1 },
    });

    /// <summary><c>data.deferrals</c> of an event (0 when absent: Event Grid's and the safety net's messages).</summary>
    internal static int DeferralsOf(JsonElement item) =>
        item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("deferrals", out var deferrals) && deferrals.ValueKind == JsonValueKind.Number && deferrals.TryGetInt32(out var count)
            ? Math.Max(count, 0)
            : 0;
}
