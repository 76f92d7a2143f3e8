namespace Reporting.Storage.Receipts;

/// <summary>A held claim on one blob version; <see cref="Attempt"/> counts from 1 and includes attempts by hosts that crashed.</summary>
public sealed record BlobClaim(string Container, string BlobName, string BlobETag, int Attempt, BlobReceiptEntity Receipt);
