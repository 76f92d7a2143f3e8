using System.Net;
using Azure;

namespace Reporting.Storage.Blobs;

internal static class BlobErrors
{
    public static bool IsNotFound(this RequestFailedException ex) => ex.Status == (int)HttpStatusCode.NotFound;

    /// <summary>A conditional write lost: the blob exists (If-None-Match: *) or changed (If-Match).</summary>
    public static bool IsConflict(this RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed;

    /// <summary>
    /// One spelling for an ETag wherever it is kept or compared: listings give it bare, response headers quoted,
    /// and a receipt or an answer recorded under one spelling must match the other.
    /// </summary>
    public static string Quoted(this ETag etag) => etag.ToString("H");
}
