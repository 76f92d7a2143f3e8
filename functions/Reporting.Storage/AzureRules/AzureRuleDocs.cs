namespace Reporting.Storage.AzureRules;

/// <summary>
/// Each rule as the Azure Storage documentation states it ("Understanding the Table service data model",
/// "Performing entity group transactions", "Naming and referencing containers, blobs, and metadata").
/// </summary>
internal static class AzureRuleDocs
{
    public static string Of(AzureRule rule) => rule switch
    {
        AzureRule.TableDateTimeOutOfRange =>
            "Azure Table Storage refuses DateTime values before 1601-01-01T00:00:00Z or after 9999-12-31T23:59:59.9999999Z",
        AzureRule.TableKeyInvalidCharacter =>
            "Azure Table Storage refuses PartitionKey and RowKey values containing '/', '\\', '#', '?' or control characters U+0000-U+001F, U+007F-U+009F",
        AzureRule.TableKeyTooLong =>
            "Azure Table Storage refuses PartitionKey and RowKey values over 1 KiB (512 UTF-16 characters)",
        AzureRule.TableTooManyProperties =>
            "Azure Table Storage refuses entities with more than 252 custom properties (255 with PartitionKey, RowKey and Timestamp)",
        AzureRule.TableEntityTooLarge =>
            "Azure Table Storage refuses entities whose properties total more than 1 MiB",
        AzureRule.TablePropertyTooLarge =>
            "Azure Table Storage refuses string and binary property values over 64 KiB (32,768 UTF-16 characters)",
        AzureRule.TableBatchTooManyOperations =>
            "Azure Table Storage refuses entity group transactions of more than 100 operations",
        AzureRule.TableBatchTooLarge =>
            "Azure Table Storage refuses entity group transactions whose payload is over 4 MiB",
        AzureRule.TableBatchMixedPartitions =>
            "Azure Table Storage refuses entity group transactions whose operations span more than one PartitionKey",
        AzureRule.TableBatchDuplicateEntity =>
            "Azure Table Storage refuses entity group transactions that touch the same entity more than once",
        AzureRule.BlobNameTooLong =>
            "Azure Blob Storage refuses blob names longer than 1,024 characters",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule"),
    };
}
