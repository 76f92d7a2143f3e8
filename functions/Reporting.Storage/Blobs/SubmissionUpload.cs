namespace Reporting.Storage.Blobs;

/// <summary>One version of an uploaded file in a department's submission container.</summary>
public sealed record SubmissionUpload(string Container, string Department, string BlobName, string ETag, long Length);
