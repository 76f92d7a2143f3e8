using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace Reporting.Storage;

/// <summary>A quick "is storage there?" check, so tools can say which endpoint is down instead of retrying for minutes.</summary>
public sealed class StorageProbe(ReportingStorageAccount account)
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        var options = new BlobRequestOptions
        {
            RetryPolicy = new NoRetry(),
            MaximumExecutionTime = TimeSpan.FromSeconds(5),
            ServerTimeout = TimeSpan.FromSeconds(5),
        };
        try
        {
            await account.Blobs.ListContainersSegmentedAsync(null, ContainerListingDetails.None, 1, null, options, null, cancellationToken);
            return null;
        }
        catch (StorageException ex)
        {
            var reason = ex.RequestInformation?.HttpStatusCode is > 0 and var status
                ? $"it answered HTTP {status} ({ex.RequestInformation.HttpStatusMessage}); check the account name and key"
                : "nothing answered";
            return $"Storage at {account.BlobEndpoint} cannot be used: {reason}.";
        }
    }
}
