namespace Reporting.Storage.AzureRules;

/// <summary>One HTTP request inside a batch's changeset: what the entity rules need to check it on its own (the body is a slice of the batch's).</summary>
internal sealed record TableBatchOperation(string Method, Uri? Uri, string? ContentType, ReadOnlyMemory<byte> Body);
