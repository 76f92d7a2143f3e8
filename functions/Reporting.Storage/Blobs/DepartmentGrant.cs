namespace Reporting.Storage.Blobs;

/// <summary>
/// A department's credential: its submission container's URL with a SAS to upload (<see cref="ContainerSasUrl"/>), its
/// answer container's URL with a read-only SAS (<see cref="AnswersSasUrl"/>), how both are signed, and when they stop working.
/// </summary>
public sealed record DepartmentGrant(string Department, Uri ContainerSasUrl, Uri AnswersSasUrl, DateTimeOffset ExpiresUtc, SasSigning Signing)
{
    /// <summary>
    /// The department's upload page: the page's blob in the answer container with the read-only SAS, and the upload link in
    /// the fragment, which browsers never send to a server; the page reads it there to upload.
    /// </summary>
    public Uri PageUrl => new($"{AnswerUrl(DepartmentPageBlobs.PageIndex)}#upload={Uri.EscapeDataString(ContainerSasUrl.ToString())}");

    /// <summary>The URL to PUT one file to: the container URL with the blob name inserted before the SAS query.</summary>
    public Uri UploadUrl(string blobName) => BlobUrl(ContainerSasUrl, blobName);

    /// <summary>The URL to read one answer blob from, for example <c>AnswerUrl("2026-10.csv.txt")</c>.</summary>
    public Uri AnswerUrl(string answerName) => BlobUrl(AnswersSasUrl, answerName);

    private static Uri BlobUrl(Uri containerSas, string blobName) =>
        new($"{containerSas.GetLeftPart(UriPartial.Path)}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}{containerSas.Query}");
}
