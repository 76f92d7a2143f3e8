using System.Security.Cryptography;
using System.Text;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>
/// The reference a department's failure answer gives instead of the error itself, and the log line carries beside it.
/// Made from the upload's version (container, name, ETag), so every host and every retry of that version gives the same one.
/// </summary>
public static class FailureReference
{
    public static string Of(SubmissionUpload upload) =>
        "F-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{upload.Container}\n{upload.BlobName}\n{upload.ETag}")))[..10];
}
