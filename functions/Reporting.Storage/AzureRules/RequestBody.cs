using Azure.Core;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Copies a table request's body to inspect it. The Tables SDK's bodies (Utf8JsonRequestContent, MultipartContent)
/// are in memory and rewind on every <c>WriteTo</c>, so reading here leaves the send and any retry intact. Content of
/// unknown length (a forward-only stream) is never read: it could not be sent afterwards. A body that wrote exactly the
/// length it announced is returned in the buffer it was written to, without a further copy.
/// </summary>
internal static class RequestBody
{
    public static byte[]? Read(RequestContent? content, CancellationToken cancellationToken)
    {
        if (CreateBuffer(content) is not { } buffer)
        {
            return null;
        }

        content!.WriteTo(buffer, cancellationToken);
        return Bytes(buffer);
    }

    public static async ValueTask<byte[]?> ReadAsync(RequestContent? content, CancellationToken cancellationToken)
    {
        if (CreateBuffer(content) is not { } buffer)
        {
            return null;
        }

        await content!.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Bytes(buffer);
    }

    private static byte[] Bytes(MemoryStream buffer) =>
        buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();

    private static MemoryStream? CreateBuffer(RequestContent? content) =>
        content is not null && content.TryComputeLength(out var length) && length <= Array.MaxLength
            ? new MemoryStream((int)length)
            : null;
}
