namespace Reporting.Storage.Queues;

/// <summary>A blob was created or overwritten in <paramref name="Container"/> (the name as the service stores it).</summary>
public sealed record BlobCreated(string Container, string BlobName);
