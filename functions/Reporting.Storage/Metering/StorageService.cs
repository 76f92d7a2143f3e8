namespace Reporting.Storage.Metering;

/// <summary>Which of the account's services a client talks to.</summary>
internal enum StorageService
{
    Blob,
    Table,
    Queue,
}
