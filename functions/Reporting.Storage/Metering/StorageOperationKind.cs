namespace Reporting.Storage.Metering;

/// <summary>Storage requests grouped the way Azure bills them (blob list/read/write/other, table, queue).</summary>
public enum StorageOperationKind
{
    /// <summary>List blobs, list containers, create a container: billed as "list and create container".</summary>
    BlobList,

    /// <summary>Read a blob's content.</summary>
    BlobRead,

    /// <summary>Put a blob or block, set properties, take or renew a lease.</summary>
    BlobWrite,

    /// <summary>Get properties, delete, everything else on the blob service.</summary>
    BlobOther,

    /// <summary>Any table transaction (one price for all).</summary>
    Table,

    /// <summary>Get messages from a queue.</summary>
    QueueReceive,

    /// <summary>Put, update or delete a message, create a queue.</summary>
    QueueWrite,
}
