using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Reporting.Storage.Blobs;
using Reporting.Storage.Connection;

namespace Reporting.Storage.Tests;

/// <summary><c>AzureWebJobsStorage</c> in each form Azure Functions documents, as environment variables would give it.</summary>
public sealed class StorageConnectionReaderTests
{
    private static StorageConnection Read(params (string Key, string Value)[] settings) =>
        StorageConnectionReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build());

    [Fact]
    public void Read_NothingSet_UsesTheLocalEmulator()
    {
        var connection = Read();
        Assert.Equal(StorageOptions.DevelopmentConnection, connection.ConnectionString);
        Assert.False(connection.UsesIdentity);
    }

    [Fact]
    public void Read_ConnectionString_IsUsedAsItIs()
    {
        var connection = Read(("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net"));
        Assert.False(connection.UsesIdentity);
        Assert.Contains("AccountName=a", connection.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AccountName_SignsInWithAnIdentityOnTheAccountsEndpoints()
    {
        var connection = Read(("AzureWebJobsStorage__accountName", "contosoreports"), ("AzureWebJobsStorage__clientId", "11111111-2222-3333-4444-555555555555"));
        Assert.True(connection.UsesIdentity);
        Assert.Equal(new Uri("https://contosoreports.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://contosoreports.table.core.windows.net"), connection.TableServiceUri);
        Assert.Equal(new Uri("https://contosoreports.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal("11111111-2222-3333-4444-555555555555", connection.ClientId);
    }

    [Fact]
    public void Read_ServiceUris_AreUsedForEachService()
    {
        var connection = Read(
            ("AzureWebJobsStorage__blobServiceUri", "https://contoso.blob.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage__tableServiceUri", "https://contoso.table.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage__queueServiceUri", "https://contoso.queue.core.usgovcloudapi.net"));
        Assert.Equal("contoso.blob.core.usgovcloudapi.net", connection.BlobServiceUri!.Host);
        Assert.Equal("contoso.table.core.usgovcloudapi.net", connection.TableServiceUri!.Host);
        Assert.Equal("contoso.queue.core.usgovcloudapi.net", connection.QueueServiceUri!.Host);
    }

    [Fact]
    public void Read_ServiceUrisWithoutQueue_HaveNoQueue()
    {
        var connection = Read(
            ("AzureWebJobsStorage__blobServiceUri", "https://contoso.blob.core.windows.net"),
            ("AzureWebJobsStorage__tableServiceUri", "https://contoso.table.core.windows.net"));
        Assert.Null(connection.QueueServiceUri);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "https://contoso.blob.core.windows.net", "AzureWebJobsStorage__tableServiceUri is missing")]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "https://contoso.table.core.windows.net", "AzureWebJobsStorage__blobServiceUri is missing")]
    public void Read_OneServiceUriOnly_SaysWhichIsMissing(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((key, value)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ServiceUriNotAnUrl_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(
            ("AzureWebJobsStorage__blobServiceUri", "contoso.blob"), ("AzureWebJobsStorage__tableServiceUri", "https://contoso.table.core.windows.net")));
        Assert.Contains("not an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WithAnIdentity_IsSignedWithAUserDelegationKey_ForSevenDaysAtMost()
    {
        var options = new StorageOptions { Connection = Read(("AzureWebJobsStorage__accountName", "contosoreports")) };
        var access = new DepartmentAccess(new ReportingStorageAccount(Options.Create(options)), TimeProvider.System);
        Assert.Equal(SasSigning.UserDelegation, access.Signing);
        Assert.Equal(TimeSpan.FromDays(7), access.MaxValidity);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => access.GrantAsync("sales", TimeSpan.FromDays(8), default));
    }

    [Fact]
    public void Grant_WithAConnectionString_IsSignedWithTheAccountKey()
    {
        var access = new DepartmentAccess(new ReportingStorageAccount(Options.Create(new StorageOptions())), TimeProvider.System);
        Assert.Equal(SasSigning.AccountKey, access.Signing);
    }
}
