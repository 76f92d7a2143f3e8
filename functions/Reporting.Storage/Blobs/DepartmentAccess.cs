using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Reporting.Storage.Blobs;

/// <summary>
/// Credentials for departments, for a limited time: a SAS on the department's own submission container (upload files,
/// read and list them; no delete) and a read-only SAS on its answer container (read and list the pipeline's answers,
/// never write them). Nothing of any other container, department or the tables. A host with an identity signs both
/// with one user delegation key; otherwise with the account key.
/// </summary>
public sealed class DepartmentAccess(ReportingStorageAccount account, TimeProvider clock)
{
    public const BlobContainerSasPermissions Permissions =
        BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.List;

    /// <summary>On the answer container: read and list only, so a department can neither forge nor overwrite an answer.</summary>
    public const BlobContainerSasPermissions AnswerPermissions = BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List;

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

        var uploads = account.SubmissionContainer(departmentId);
        var answers = account.AnswerContainer(departmentId);
        await uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await answers.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var startsOn = now.AddMinutes(-5);
        var expiresOn = now + validFor;
        var key = signing == SasSigning.UserDelegation
            ? (await account.BlobService.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken)).Value
            : null;

        Uri Sign(BlobContainerClient container, BlobContainerSasPermissions permissions)
        {
            var builder = new BlobSasBuilder(permissions, expiresOn)
            {
                BlobContainerName = container.Name,
                Resource = "c",
                StartsOn = startsOn,
                Protocol = account.Options.Connection.UsesIdentity ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            };
            return key is null
                ? container.GenerateSasUri(builder)
                : new UriBuilder(container.Uri) { Query = builder.ToSasQueryParameters(key, account.BlobService.AccountName).ToString() }.Uri;
        }

        return new DepartmentGrant(departmentId, Sign(uploads, Permissions), Sign(answers, AnswerPermissions), expiresOn, signing);
    }

    /// <summary>How a link is signed, in words for admins.</summary>
    public static string Describe(SasSigning signing) => signing == SasSigning.UserDelegation
        ? "a user delegation key (the host's identity; revoke by revoking the account's user delegation keys)"
        : "the account key (revoke by rotating the key)";
}
