using Azure.Storage.Sas;

namespace Reporting.Storage.Blobs;

/// <summary>
/// Upload credentials for departments: a SAS on the department's own submission container only, allowing it to
/// upload files and read them and their results back, for a limited time. No delete, and no access to any other
/// container or to the tables. A host with an identity signs with a user delegation key; otherwise with the account key.
/// </summary>
public sealed class DepartmentAccess(ReportingStorageAccount account, TimeProvider clock)
{
    public const BlobContainerSasPermissions Permissions =
        BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List;

    /// <summary>Azure refuses user delegation keys (and so the links signed with them) valid for more than seven days.</summary>
    public static readonly TimeSpan MaxUserDelegationValidity = TimeSpan.FromDays(7);

    /// <summary>The container URL with a SAS valid from now (allowing five minutes of clock skew) for <paramref name="validFor"/>.</summary>
    public async Task<DepartmentGrant> GrantAsync(string departmentId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var container = account.SubmissionContainer(departmentId);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var signing = account.Options.Connection.UsesIdentity ? SasSigning.UserDelegation : SasSigning.AccountKey;
        if (signing == SasSigning.UserDelegation && validFor > MaxUserDelegationValidity)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, "an upload link signed with a user delegation key can be valid for 7 days at most");
        }

        var builder = new BlobSasBuilder(Permissions, now + validFor)
        {
            BlobContainerName = container.Name,
            Resource = "c",
            StartsOn = now.AddMinutes(-5),
            Protocol = account.Options.Connection.UsesIdentity ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        Uri url;
        if (signing == SasSigning.UserDelegation)
        {
            var key = (await account.BlobService.GetUserDelegationKeyAsync(builder.StartsOn, builder.ExpiresOn, cancellationToken)).Value;
            var query = builder.ToSasQueryParameters(key, account.BlobService.AccountName);
            url = new UriBuilder(container.Uri) { Query = query.ToString() }.Uri;
        }
        else
        {
            url = container.GenerateSasUri(builder);
        }

        return new DepartmentGrant(departmentId, url, builder.ExpiresOn, signing);
    }
}
