using Reporting.Storage;

namespace Reporting.Functions.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=c2VjcmV0a2V5PT0=;EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("PUT https://acme.blob.core.windows.net/submissions-sales/x.csv?sv=2018-03-28&sr=c&sig=K%2BidYRO%3D&se=2026-12-01 failed",
        "PUT https://acme.blob.core.windows.net/submissions-sales/x.csv?sv=2018-03-28&sr=c&sig=***&se=2026-12-01 failed")]
    [InlineData("BlobEndpoint=https://x/;SharedAccessSignature=sv=2020&sig=abc", "BlobEndpoint=https://x/;SharedAccessSignature=***")]
    [InlineData("nothing secret here", "nothing secret here")]
    [InlineData("R&D uploaded 100% of 2026-10.csv", "R&D uploaded 100% of 2026-10.csv")]
    public void Redact_RemovesKeysAndSignatures(string text, string expected) => Assert.Equal(expected, SecretRedactor.Redact(text));

    // Secrets behind an encoding: decoded, then matched; the text that comes back is the decoded one, redacted.
    [Theory]
    [InlineData("page https://acct.blob.core.windows.net/answers-sales/.page/index.html?sv=1&sr=c&sig=pAgE#upload=https%3A%2F%2Facct.blob.core.windows.net%2Fsubmissions-sales%3Fsv%3D2025-01-05%26sr%3Dc%26sig%3DuPl0AdK3y%252B%253D%26se%3D2026-12-01",
        "page https://acct.blob.core.windows.net/answers-sales/.page/index.html?sv=1&sr=c&sig=***#upload=https://acct.blob.core.windows.net/submissions-sales?sv=2025-01-05&sr=c&sig=***&se=2026-12-01")]
    [InlineData("{\"link\":\"https://acct.blob.core.windows.net/x/a.pdf?sv=2025\\u0026sr=b\\u0026sig=JsOnS1g%2B%3D\\u0026se=2026\"}",
        "{\"link\":\"https://acct.blob.core.windows.net/x/a.pdf?sv=2025&sr=b&sig=***&se=2026\"}")]
    [InlineData("{\"link\":\"https:\\/\\/acct\\/x?sv=1\\u0026sig\\u003dAbC\"}", "{\"link\":\"https://acct/x?sv=1&sig=***\"}")]
    [InlineData("<a href=\"https://acct/x.pdf?sv=1&amp;sig=HtMl%3D&amp;se=2\">", "<a href=\"https://acct/x.pdf?sv=1&sig=***&se=2\">")]
    [InlineData("double https%253A%252F%252Facct%252Fx%253Fsv%253D1%2526sig%253DtWiCe", "double https://acct/x?sv=1&sig=***")]
    [InlineData("AccountKey%3Dc2VjcmV0a2V5PT0%3D%3BEndpointSuffix%3Dcore.windows.net", "AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("fragment only #sv=2025&sr=c&sig=FrAg", "fragment only #sv=2025&sr=c&sig=***")]
    public void Redact_DecodesBeforeItMatches(string text, string expected)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("sig=" + SecretRedactor.Mask, text);
    }
}
