using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Reporting.Testing;

namespace Reporting.Infra.Tests;

/// <summary>The templates compile and pass the Bicep linter without a single warning, and wire the host as documented.</summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    private static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Path("infra") };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REPORTING_IMAGE_TAG"] = "test";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors);
    }

    [Fact]
    public void Main_BuildsAndLintsWithoutWarnings()
    {
        var lint = Run("lint", "main.bicep");
        Assert.True(lint.ExitCode == 0 && lint.Errors.Trim().Length == 0, lint.Errors);

        var build = Run("build", "main.bicep", "--stdout");
        Assert.Equal(0, build.ExitCode);
        var template = JsonDocument.Parse(build.Output).RootElement;
        Assert.True(template.GetProperty("outputs").TryGetProperty("storageAccountName", out _));
    }

    [Theory]
    [InlineData("dev.bicepparam", "dev")]
    [InlineData("prod.bicepparam", "prod")]
    public void Parameters_BuildForEachEnvironment(string file, string environment)
    {
        var result = Run("build-params", file, "--stdout");

        Assert.True(result.ExitCode == 0, result.Errors);
        var parameters = JsonDocument.Parse(JsonDocument.Parse(result.Output).RootElement.GetProperty("parametersJson").GetString()!).RootElement.GetProperty("parameters");
        Assert.Equal(environment, parameters.GetProperty("environmentName").GetProperty("value").GetString());
        Assert.Equal(8, parameters.GetProperty("departmentIds").GetProperty("value").GetArrayLength());
    }

    [Fact]
    public void Host_GetsItsStorageConnectionFromKeyVault_AndRunsWithoutIngress()
    {
        var host = File.ReadAllText(RepositoryFiles.Path("infra", "modules", "host.bicep"));

        Assert.Contains("keyVaultUrl: storageConnectionSecretUri", host);
        Assert.Contains("{ name: 'AzureWebJobsStorage', secretRef: 'storage-connection' }", host);
        Assert.DoesNotContain("ingress:", host, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("minReplicas: minReplicas", host);
    }
}
