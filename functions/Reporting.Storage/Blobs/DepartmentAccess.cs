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

    /// <summary>How this host signs links: with a user delegation key when it signs in with an identity, else with the account key.</summary>
    public SasSigning Signing => account.Options.Connection.UsesIdentity ? SasSigning.UserDelegation : SasSigning.AccountKey;

    /// <summary>The longest a link may be valid with this host's signing.</summary>
    public TimeSpan MaxValidity => Signing == SasSigning.UserDelegation ? MaxUserDelegationValidity : TimeSpan.FromDays(365);

    /// <summary>The container URL with a SAS valid from now (allowing five minutes of clock skew) for <paramref name="validFor"/>.</summary>
    public async Task<DepartmentGrant> GrantAsync(string departmentId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var signing = Signing;
        if (validFor > MaxValidity)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, $"an upload link signed with {Describe(signing)} can be valid for {MaxValidity.TotalDays:0} days at most");
        }

        var container = account.SubmissionContainer(departmentId);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();

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

    /// <summary>How a link is signed, in words for admins.</summary>
    public static string Describe(SasSigning signing) => signing == SasSigning.UserDelegation
        ? "a user delegation key (the host's identity; revoke by revoking the account's user delegation keys)"
        : "the account key (revoke by rotating the key)";
}
