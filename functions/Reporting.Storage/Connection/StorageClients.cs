using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Reporting.Storage.AzureRules;

namespace Reporting.Storage.Connection;

/// <summary>Creates the blob and table service clients for a connection, with one retry policy and the same checks on all.</summary>
internal sealed class StorageClients(StorageConnection connection, AzureRulesPolicy? azureRules)
{
    /// <summary>For work that must get through: retries with back-off for about half a minute.</summary>
    public static readonly RetrySettings Patient = new(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    /// <summary>For calls that repeat anyway: one quick retry.</summary>
    public static readonly RetrySettings FailFast = new(1, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    private readonly Lazy<TokenCredential> _credential = new(connection.CreateCredential);

    public BlobServiceClient CreateBlobService(RetrySettings retry)
    {
        var options = Configure(new BlobClientOptions(), retry);
        return connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(connection.BlobServiceUri, _credential.Value, options);
    }

    public TableServiceClient CreateTableService()
    {
        var options = Configure(new TableClientOptions(), Patient);
        return connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(connection.TableServiceUri, _credential.Value, options);
    }

    private T Configure<T>(T options, RetrySettings retry)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = retry.MaxRetries;
        options.Retry.Delay = retry.Delay;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = retry.NetworkTimeout;
        if (azureRules is not null)
        {
            options.AddPolicy(azureRules, HttpPipelinePosition.PerCall);
        }

        return options;
    }

    internal sealed record RetrySettings(int MaxRetries, TimeSpan Delay, TimeSpan NetworkTimeout);
}
