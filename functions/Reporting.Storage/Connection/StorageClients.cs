using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Reporting.Storage.AzureRules;
using Reporting.Storage.Metering;

namespace Reporting.Storage.Connection;

/// <summary>Creates the blob and table service clients for a connection, with one retry policy and the same checks on all.</summary>
internal sealed class StorageClients(StorageConnection connection, AzureRulesPolicy? azureRules, StorageOperationCounter operations)
{
    /// <summary>For work that must get through: retries with back-off for about half a minute.</summary>
    public static readonly RetrySettings Patient = new(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    /// <summary>For calls that repeat anyway: one quick retry.</summary>
    public static readonly RetrySettings FailFast = new(1, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    private readonly Lazy<TokenCredential> _credential = new(connection.CreateCredential);

    public BlobServiceClient CreateBlobService(RetrySettings retry)
    {
        var options = Configure(new BlobClientOptions(), retry, StorageService.Blob);
        return connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(connection.BlobServiceUri, _credential.Value, options);
    }

    public TableServiceClient CreateTableService()
    {
        var options = Configure(new TableClientOptions(), Patient, StorageService.Table);
        return connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(connection.TableServiceUri, _credential.Value, options);
    }

    /// <summary>
    /// The queue service, for the upload events (Event Grid's BlobCreated messages). Messages are read and written as
    /// they are (no Base64 by the client): Event Grid writes them as it is configured to, and the reader handles both.
    /// </summary>
    public QueueServiceClient CreateQueueService()
    {
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, Patient, StorageService.Queue);
        if (connection.ConnectionString is { } connectionString)
        {
            return new QueueServiceClient(connectionString, options);
        }

        return new QueueServiceClient(
            connection.QueueServiceUri ?? throw new InvalidOperationException(
                "AzureWebJobsStorage__queueServiceUri is missing: the upload events' queue (SubmissionEventQueue) needs it with an identity-based connection (or AzureWebJobsStorage__accountName)."),
            _credential.Value,
            options);
    }

    private T Configure<T>(T options, RetrySettings retry, StorageService service)
        where T : ClientOptions
    {
        options.AddPolicy(new StorageOperationPolicy(operations, service), HttpPipelinePosition.PerRetry);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = retry.MaxRetries;
        options.Retry.Delay = retry.Delay;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = retry.NetworkTimeout;
        if (azureRules is not null && service != StorageService.Queue)
        {
            options.AddPolicy(azureRules, HttpPipelinePosition.PerCall);
        }

        return options;
    }

    internal sealed record RetrySettings(int MaxRetries, TimeSpan Delay, TimeSpan NetworkTimeout);
}
