using Azure;
using Azure.Identity;

namespace Reporting.Storage;

/// <summary>A quick "is storage there?" check, so tools can say which endpoint is down instead of retrying for minutes.</summary>
public sealed class StorageProbe(ReportingStorageAccount account)
{
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in account.FailFastBlobService.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return null;
        }
        catch (RequestFailedException ex)
        {
            var reason = ex.Status > 0
                ? $"it answered HTTP {ex.Status} ({ex.ErrorCode}); check the account name, key or the identity's roles"
                : "nothing answered";
            return $"Storage at {account.BlobEndpoint} cannot be used: {reason}.";
        }
        catch (AuthenticationFailedException ex)
        {
            return $"Storage at {account.BlobEndpoint} cannot be used: signing in with an identity failed ({ex.Message.Split('\n')[0]}).";
        }
    }
}
