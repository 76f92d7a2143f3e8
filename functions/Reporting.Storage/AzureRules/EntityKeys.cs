namespace Reporting.Storage.AzureRules;

/// <summary>An entity's address, read from its JSON body or its URL, to check the keys and to group batch operations.</summary>
internal sealed record EntityKeys(string PartitionKey, string RowKey);
