using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.LocalDev;

/// <summary>
/// A maildev that takes mail only over TLS and after sign-in, as a real relay does: its user and password, and the PEM
/// files of its certificate and key (a self-signed pair made for the run does).
/// </summary>
public sealed record MailDevSignIn(string UserName, string Password, string CertificatePath, string KeyPath)
{
    /// <summary>The certificate's SHA-256 fingerprint, which <c>Mail:ServerCertificateSha256</c> pins.</summary>
    public string CertificateSha256()
    {
        var pem = File.ReadAllText(CertificatePath);
        var fields = PemEncoding.Find(pem);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data]));
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    internal IEnumerable<string> Arguments() =>
    [
        "--incoming-secure", "--incoming-cert", CertificatePath, "--incoming-key", KeyPath,
        "--incoming-user", UserName, "--incoming-pass", Password,
    ];
}
