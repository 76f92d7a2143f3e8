using Microsoft.WindowsAzure.Storage.Blob;

namespace Reporting.Storage.Blobs;

/// <summary>
/// Upload credentials for departments: a SAS on the department's own submission container only, allowing it to
/// upload files and read them and their results back, for a limited time. No delete, and no access to any other
/// container or to the tables.
/// </summary>
public sealed class DepartmentAccess(ReportingStorageAccount account, TimeProvider clock)
{
    public const SharedAccessBlobPermissions Permissions =
        SharedAccessBlobPermissions.Read | SharedAccessBlobPermissions.Create | SharedAccessBlobPermissions.Write | SharedAccessBlobPermissions.List;

    /// <summary>The container URL with a SAS valid from now (allowing five minutes of clock skew) for <paramref name="validFor"/>.</summary>
    public async Task<DepartmentGrant> GrantAsync(string departmentId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var container = account.SubmissionContainer(departmentId);
        await container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        var now = clock.GetUtcNow();
        var expires = now + validFor;
        var sas = container.GetSharedAccessSignature(new SharedAccessBlobPolicy
        {
            Permissions = Permissions,
            SharedAccessStartTime = now.AddMinutes(-5),
            SharedAccessExpiryTime = expires,
        });
        return new DepartmentGrant(departmentId, new Uri(container.Uri + sas), expires);
    }
}
