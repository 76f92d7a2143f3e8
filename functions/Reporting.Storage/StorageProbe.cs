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
        catch (Exception ex) when (StorageFailure.Unwrap(ex) is RequestFailedException failed)
        {
            var reason = failed.Status > 0
                ? $"it answered HTTP {failed.Status} ({failed.ErrorCode}); check the account name, key or the identity's roles"
                : "nothing answered";
            return $"Storage at {account.BlobEndpoint} cannot be used: {reason}.";
        }
        catch (Exception ex) when (StorageFailure.Unwrap(ex) is AuthenticationFailedException failed)
        {
            return $"Storage at {account.BlobEndpoint} cannot be used: signing in with an identity failed ({failed.Message.Split('\n')[0]}).";
        }
    }
}
