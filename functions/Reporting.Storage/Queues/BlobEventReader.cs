using System.Text;
using System.Text.Json;

namespace Reporting.Storage.Queues;

/// <summary>
/// Reads the messages Event Grid delivers to a storage queue: one event, or an array of them, as JSON, Base64-encoded or
/// not; in the Event Grid schema (<c>eventType</c>, <c>subject</c>, <c>data.url</c>) or the CloudEvents 1.0 schema
/// (<c>type</c>, <c>subject</c>, <c>data.url</c>). Only <c>Microsoft.Storage.BlobCreated</c> events name a blob to handle;
/// anything else that is a well-formed event is counted and left alone.
/// </summary>
public static class BlobEventReader
{
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";
    private const string SubjectPrefix = "/blobServices/default/containers/";
    private const string BlobsSegment = "/blobs/";

    public static BlobEventBatch Read(string message)
    {
        var json = message.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!LooksLikeJson(json))
        {
            try
            {
                json = Encoding.UTF8.GetString(Convert.FromBase64String(message.Trim())).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            }
            catch (FormatException)
            {
                json = "";
            }

            if (!LooksLikeJson(json))
            {
                return BlobEventBatch.Invalid("the message is neither JSON nor Base64-encoded JSON");
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return BlobEventBatch.Invalid($"the message is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var events = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var created = new List<BlobCreated>();
            var others = 0;
            foreach (var item in events)
            {
                if (item.ValueKind != JsonValueKind.Object || (Text(item, "eventType") ?? Text(item, "type")) is not { } type)
                {
                    return BlobEventBatch.Invalid("an event has neither eventType (Event Grid schema) nor type (CloudEvents schema)");
                }

                if (type != BlobCreatedType)
                {
                    others++;
                    continue;
                }

                if (BlobOf(item) is not { } blob)
                {
                    return BlobEventBatch.Invalid($"a {BlobCreatedType} event names no blob: its subject is not {SubjectPrefix}<container>{BlobsSegment}<name> and it has no data.url");
                }

                created.Add(blob with
                {
                    EventTime = Instant(Text(item, "eventTime") ?? Text(item, "time")),
                    Sequencer = Data(item, "sequencer"),
                    ETag = Data(item, "eTag"),
                    Deferrals = DeferredEvent.DeferralsOf(item),
                });
            }

            return new BlobEventBatch(created, others, null);
        }
    }

    // The subject carries the name as stored; data.url carries it percent-encoded, used when the subject is missing.
    private static BlobCreated? BlobOf(JsonElement item)
    {
        if (Text(item, "subject") is { } subject && subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            var rest = subject[SubjectPrefix.Length..];
            var at = rest.IndexOf(BlobsSegment, StringComparison.Ordinal);
            if (at > 0 && at + BlobsSegment.Length < rest.Length)
            {
                return new BlobCreated(rest[..at], rest[(at + BlobsSegment.Length)..]);
            }
        }

        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && Text(data, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // https://<account>.blob.core.windows.net/<container>/<name>; the emulator puts the account first in the path.
            var path = uri.AbsolutePath.TrimStart('/');
            if (uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                path = path.Contains('/', StringComparison.Ordinal) ? path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..] : "";
            }

            var segments = path.Split('/', 2);
            if (segments.Length == 2 && segments[1].Length > 0)
            {
                return new BlobCreated(Uri.UnescapeDataString(segments[0]), Uri.UnescapeDataString(segments[1]));
            }
        }

        return null;
    }

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    private static string? Data(JsonElement item, string property) =>
        item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, property) : null;

    private static bool LooksLikeJson(string text) => text.StartsWith('{') || text.StartsWith('[');

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
