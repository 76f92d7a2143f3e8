namespace Reporting.Storage.Blobs;

/// <summary>A department's upload credential: its container URL with the SAS token, how it is signed, and when it stops working.</summary>
public sealed record DepartmentGrant(string Department, Uri ContainerSasUrl, DateTimeOffset ExpiresUtc, SasSigning Signing)
{
    /// <summary>The URL to PUT one file to: the container URL with the blob name inserted before the SAS query.</summary>
    public Uri UploadUrl(string blobName) =>
        new($"{ContainerSasUrl.GetLeftPart(UriPartial.Path)}/{Uri.EscapeDataString(blobName)}{ContainerSasUrl.Query}");
}
