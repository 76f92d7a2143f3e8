namespace Reporting.Storage.AzureRules;

/// <summary>
/// A documented Azure Storage limit that the Azurite emulator does not enforce (or not the same way), so code tested
/// only against Azurite could break on its first real deployment.
/// </summary>
public enum AzureRule
{
    /// <summary>An Edm.DateTime value before 1601-01-01T00:00:00Z or after 9999-12-31T23:59:59.9999999Z.</summary>
    TableDateTimeOutOfRange,

    /// <summary>A PartitionKey or RowKey holding '/', '\', '#', '?' or a control character (U+0000-U+001F, U+007F-U+009F).</summary>
    TableKeyInvalidCharacter,

    /// <summary>A PartitionKey or RowKey over 1 KiB, that is over 512 UTF-16 characters.</summary>
    TableKeyTooLong,

    /// <summary>An entity with more than 252 custom properties (255 with PartitionKey, RowKey and Timestamp).</summary>
    TableTooManyProperties,

    /// <summary>An entity whose data totals more than 1 MiB by the documented size formula.</summary>
    TableEntityTooLarge,

    /// <summary>A string or binary property value over 64 KiB (a string of more than 32,768 UTF-16 characters).</summary>
    TablePropertyTooLarge,

    /// <summary>An entity group transaction (batch) of more than 100 operations.</summary>
    TableBatchTooManyOperations,

    /// <summary>An entity group transaction (batch) whose payload is over 4 MiB.</summary>
    TableBatchTooLarge,

    /// <summary>An entity group transaction (batch) whose operations span more than one PartitionKey.</summary>
    TableBatchMixedPartitions,

    /// <summary>An entity group transaction (batch) touching the same entity (PartitionKey and RowKey) twice.</summary>
    TableBatchDuplicateEntity,

    /// <summary>A blob name longer than 1,024 characters.</summary>
    BlobNameTooLong,
}
