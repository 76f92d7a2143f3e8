using Azure.Storage.Sas;
using Reporting.Core.Periods;

namespace Reporting.Storage.Blobs;

/// <summary>
/// Read-only links to one rendered file of one version, for mail whose PDF is too large to attach. The link names the
/// version's own blob (never the "latest" copy), so a later render cannot change what a message points to. Signed like
/// <see cref="DepartmentAccess"/>: a user delegation key on identity-based hosts (at most 7 days), else the account key.
/// </summary>
public sealed class ScorecardLinks(ReportingStorageAccount account, DepartmentAccess access, TimeProvider clock)
{
    public async Task<(Uri Link, DateTimeOffset Expires)> GrantReadAsync(Period period, int version, string fileName, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var lifetime = validFor > access.MaxValidity ? access.MaxValidity : validFor;
        var container = account.BlobService.GetBlobContainerClient(account.Options.ScorecardContainer);
        var blob = container.GetBlobClient($"{ScorecardBlobs.VersionFolder(period, version)}{fileName}");
        var now = clock.GetUtcNow();
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = container.Name,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5),
            Protocol = account.Options.Connection.UsesIdentity ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (access.Signing != SasSigning.UserDelegation)
        {
            return (blob.GenerateSasUri(builder), builder.ExpiresOn);
        }

        var key = (await account.BlobService.GetUserDelegationKeyAsync(builder.StartsOn, builder.ExpiresOn, cancellationToken)).Value;
        var query = builder.ToSasQueryParameters(key, account.BlobService.AccountName);
        return (new UriBuilder(blob.Uri) { Query = query.ToString() }.Uri, builder.ExpiresOn);
    }
}
