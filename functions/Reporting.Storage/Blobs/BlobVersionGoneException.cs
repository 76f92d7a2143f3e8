namespace Reporting.Storage.Blobs;

/// <summary>The blob was replaced or deleted after it was listed; the version asked for no longer exists.</summary>
public sealed class BlobVersionGoneException(string container, string blobName, Exception inner)
    : Exception($"{container}/{blobName} changed or was deleted before it could be read", inner);
