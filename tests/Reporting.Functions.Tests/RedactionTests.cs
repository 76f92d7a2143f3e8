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
    public void Redact_RemovesKeysAndSignatures(string text, string expected) => Assert.Equal(expected, SecretRedactor.Redact(text));
}
