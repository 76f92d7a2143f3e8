using System.Globalization;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// The limits of "Performing entity group transactions": at most 100 operations, a payload of at most 4 MiB, one
/// PartitionKey, each entity at most once; and every operation must pass the single-entity rules too.
/// </summary>
internal static class TableBatchRules
{
    public const int MaxOperations = 100;
    public const long MaxPayloadBytes = 4 * 1024 * 1024;

    public static AzureRuleBreach? Check(string contentType, byte[] body)
    {
        if (body.LongLength > MaxPayloadBytes)
        {
            return new(AzureRule.TableBatchTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"the payload is {body.LongLength:N0} bytes, over {MaxPayloadBytes:N0}"));
        }

        var operations = TableBatchParser.Parse(contentType, body);
        if (operations is null)
        {
            return null;
        }

        return operations.Count > MaxOperations
            ? new(AzureRule.TableBatchTooManyOperations, string.Create(CultureInfo.InvariantCulture, $"{operations.Count} operations"))
            : CheckOperations(operations);
    }

    private static AzureRuleBreach? CheckOperations(List<TableBatchOperation> operations)
    {
        string? partition = null;
        var entities = new HashSet<EntityKeys>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var urlKeys = operation.Uri is null ? null : TableEntityAddress.TryParse(operation.Uri);
            string Where() => string.Create(CultureInfo.InvariantCulture, $"operation {i + 1} of {operations.Count} ({operation.Method}): ");
            var breach = TableEntityRules.Check(operation.ContentType, operation.Body, urlKeys, out var keys);
            if (breach is not null)
            {
                return breach with { Detail = Where() + breach.Detail };
            }

            if (keys is null)
            {
                continue;
            }

            partition ??= keys.PartitionKey;
            if (!string.Equals(partition, keys.PartitionKey, StringComparison.Ordinal))
            {
                return new(AzureRule.TableBatchMixedPartitions,
                    $"{Where()}PartitionKey {Excerpt.Of(keys.PartitionKey)} after {Excerpt.Of(partition)}");
            }

            if (!entities.Add(keys))
            {
                return new(AzureRule.TableBatchDuplicateEntity,
                    $"{Where()}PartitionKey {Excerpt.Of(keys.PartitionKey)}, RowKey {Excerpt.Of(keys.RowKey)} again");
            }
        }

        return null;
    }
}
