namespace Reporting.Storage.Blobs;

/// <summary>
/// One version of an uploaded file in a department's submission container. <paramref name="ReceivedUtc"/> is the storage
/// service's own time for the version (its last-modified time), so it is the same on every host, retry and re-read.
/// </summary>
public sealed record SubmissionUpload(string Container, string Department, string BlobName, string ETag, long Length, DateTimeOffset ReceivedUtc = default, UploadKind Kind = UploadKind.Block)
{
    /// <summary>
    /// The received time the uploader declared in the blob's metadata (<see cref="SubmissionBlobs.DeclaredReceivedMetadata"/>),
    /// if any. Anyone who can upload can write metadata, so this is only a claim: the host ignores it unless it is told
    /// to trust it (the demo's and the tests' hosts, never production).
    /// </summary>
    public DateTimeOffset? DeclaredReceivedUtc { get; init; }

    /// <summary>Event Grid's time for the event that announced this upload (finer than Last-Modified), when an event did.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>Event Grid's sequencer for the announcing event: orders versions of one blob name.</summary>
    public string? Sequencer { get; init; }
}
