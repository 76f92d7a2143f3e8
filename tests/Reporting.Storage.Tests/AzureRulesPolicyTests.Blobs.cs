using Azure.Core;
using Azure.Storage.Blobs;
using Reporting.Storage.AzureRules;

namespace Reporting.Storage.Tests;

public sealed partial class AzureRulesPolicyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("folder/sub folder/")]
    [InlineData("é/")]
    public async Task BlobNameOver1024Characters_IsRefused_ButAzuriteStoresIt(string prefix)
    {
        var name = prefix + new string('b', 1025 - prefix.Length);

        var violation = await AssertRefusedAsync(AzureRule.BlobNameTooLong,
            () => Container(guarded: true).GetBlobClient(name).UploadAsync(BinaryData.FromString("x")));
        await Container().GetBlobClient(name).UploadAsync(BinaryData.FromString("x"));

        Assert.StartsWith($"blob name of 1,025 characters: '{prefix}", violation.Detail, StringComparison.Ordinal);
        Assert.Equal("PUT", violation.Method);
    }

    [Fact]
    public async Task BlobNameOver1024Characters_HostStyleUrl_IsRefusedBeforeAnyNetwork()
    {
        var options = new BlobClientOptions();
        options.AddPolicy(new AzureRulesPolicy(_violations), HttpPipelinePosition.PerCall);
        var container = new BlobContainerClient(new Uri("https://nosuchaccount.blob.core.windows.net/reports"), options);

        var violation = await AssertRefusedAsync(AzureRule.BlobNameTooLong,
            () => container.GetBlobClient(new string('b', 1025)).DownloadContentAsync());

        Assert.Equal("https://nosuchaccount.blob.core.windows.net/reports/" + new string('b', 1025), violation.Uri.ToString());
    }

    [Fact]
    public async Task BlobUploadDownloadAndList_WithNamesUpTo1024Characters_PassUntouched()
    {
        var container = Container(guarded: true);
        var longest = "é/" + new string('n', 1022);
        var payload = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();

        await container.GetBlobClient(longest).UploadAsync(BinaryData.FromString("longest name"));
        await container.GetBlobClient("stream.bin").UploadAsync(new ForwardOnlyStream(payload));
        var downloaded = await container.GetBlobClient("stream.bin").DownloadContentAsync();
        var names = await container.GetBlobsAsync().Select(b => b.Name).ToListAsync();

        Assert.Equal(payload, downloaded.Value.Content.ToArray());
        Assert.Contains(longest, names);
        Assert.Empty(_violations.All);
    }

    /// <summary>An upload body that cannot seek: reading it before the send would leave nothing to upload.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
