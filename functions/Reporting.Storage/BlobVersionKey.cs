using System.Security.Cryptography;
using System.Text;

namespace Reporting.Storage;

// A table key for one blob version. Blob names may hold characters table keys forbid (/ \ # ?), so the key is a hash.
internal static class BlobVersionKey
{
    public static string For(string blobName, string blobETag) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + blobETag))).ToLowerInvariant();
}
