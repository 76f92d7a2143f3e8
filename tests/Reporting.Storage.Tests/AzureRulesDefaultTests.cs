using Reporting.Storage.Connection;

namespace Reporting.Storage.Tests;

/// <summary>
/// The Azure-rules checks run where nothing else would make them (the emulator) and not where the service makes them
/// itself (Azure), unless a setting says otherwise.
/// </summary>
public sealed class AzureRulesDefaultTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=local;AccountKey=a2V5;BlobEndpoint=http://localhost:41000/local;TableEndpoint=http://localhost:41002/local")]
    public void EmulatorConnection_ChecksAzuresRules(string connectionString)
    {
        var options = new StorageOptions { ConnectionString = connectionString };

        Assert.True(options.Connection.IsEmulator);
        Assert.True(options.EnforcesAzureRules);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=reportingprod;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=https://reportingprod.blob.core.windows.net/;SharedAccessSignature=sv=2024-08-04&sig=x")]
    public void AzureConnection_LeavesTheChecksToTheService(string connectionString)
    {
        var options = new StorageOptions { ConnectionString = connectionString };

        Assert.False(options.Connection.IsEmulator);
        Assert.False(options.EnforcesAzureRules);
    }

    [Fact]
    public void IdentityConnection_ToAzure_LeavesTheChecksToTheService_ToALocalEndpoint_ChecksThem()
    {
        var azure = new StorageOptions { Connection = new StorageConnection(null, new Uri("https://reportingprod.blob.core.windows.net"), new Uri("https://reportingprod.table.core.windows.net"), null) };
        var local = new StorageOptions { Connection = new StorageConnection(null, new Uri("http://127.0.0.1:10000/devstoreaccount1"), new Uri("http://127.0.0.1:10002/devstoreaccount1"), null) };

        Assert.False(azure.EnforcesAzureRules);
        Assert.True(local.EnforcesAzureRules);
    }

    [Fact]
    public void Setting_OverridesTheDefault_BothWays()
    {
        Assert.True(new StorageOptions { ConnectionString = "AccountName=reportingprod;AccountKey=a2V5;EndpointSuffix=core.windows.net", EnforceAzureRules = true }.EnforcesAzureRules);
        Assert.False(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", EnforceAzureRules = false }.EnforcesAzureRules);
        Assert.Equal("false", new StorageOptions { EnforceAzureRules = false }.ToSettings()["Storage:EnforceAzureRules"]);
        Assert.Null(new StorageOptions().ToSettings()["Storage:EnforceAzureRules"]);
    }
}
