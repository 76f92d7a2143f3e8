using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reporting.Testing;

namespace Reporting.Infra.Tests;

/// <summary>
/// The templates compile and pass the Bicep linter without a single warning, and (read from the compiled ARM JSON, which
/// is what Azure deploys) wire the host to storage by its managed identity, with no account key anywhere.
/// </summary>
public sealed partial class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    /// <summary>main.bicep compiled once for the whole class: (the JSON text, the parsed template).</summary>
    private static readonly Lazy<(string Text, JsonElement Template)> Compiled = new(() =>
    {
        var build = Run("build", "main.bicep", "--stdout");
        Assert.True(build.ExitCode == 0, build.Errors);
        return (build.Output, JsonDocument.Parse(build.Output).RootElement.Clone());
    });

    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string BlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";

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

        var template = Compiled.Value.Template;
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
    public void Storage_RefusesSharedKeys_AndIsHardened()
    {
        var account = Resource(Module("storage"), "Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Theory]
    [InlineData("Storage Blob Data Contributor", BlobDataContributor)]
    [InlineData("Storage Table Data Contributor", TableDataContributor)]
    [InlineData("Storage Blob Delegator", BlobDelegator)]
    public void Storage_GrantsTheHostsIdentity_ItsDataRole(string role, string roleId)
    {
        var storage = Module("storage");
        var assignments = Resources(storage, "Microsoft.Authorization/roleAssignments")
            .Where(a => RoleId(storage, a) == roleId)
            .ToList();

        Assert.True(assignments.Count == 1, $"one assignment of {role} ({roleId}) expected, found {assignments.Count}");
        var assignment = assignments[0];
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", assignment.GetProperty("scope").GetString());
        Assert.StartsWith("[guid(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), parameters('hostPrincipalId'), ", assignment.GetProperty("name").GetString());
        var properties = assignment.GetProperty("properties");
        Assert.Equal("[parameters('hostPrincipalId')]", properties.GetProperty("principalId").GetString());
        Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());

        // The principal is the host's user-assigned identity: the identity module's output.
        AssertModuleOutput("identity", "principalId", ModuleParameter("storage", "hostPrincipalId"));
    }

    [Fact]
    public void Storage_GrantsTheHostNoOtherRole()
    {
        var storage = Module("storage");

        var roleIds = Resources(storage, "Microsoft.Authorization/roleAssignments").Select(a => RoleId(storage, a)).Order().ToList();

        Assert.Equal(new[] { TableDataContributor, BlobDataContributor, BlobDelegator }.Order(), roleIds);
    }

    [Fact]
    public void Templates_ReadNoKey_AndStoreNoStorageConnectionString()
    {
        var (text, _) = Compiled.Value;

        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.OrdinalIgnoreCase);

        // Key Vault holds only the PDFsharp licence and the SMTP password, never a storage connection.
        var secrets = Resources(Module("keyvault"), "Microsoft.KeyVault/vaults/secrets").Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, name => Assert.False(LooksLikeStorageConnection(name), name));

        // The container app references no such secret either.
        var host = Module("host");
        var configuration = Resource(host, "Microsoft.App/containerApps").GetProperty("properties").GetProperty("configuration");
        var appSecrets = Resolve(host, configuration.GetProperty("secrets").GetString()!);
        Assert.Contains("pdfsharp-license", appSecrets);
        Assert.False(LooksLikeStorageConnection(appSecrets), appSecrets);
    }

    [Fact]
    public void Host_GetsTheSmtpPasswordFromKeyVault_AsTheSecretEnvVarMailPassword()
    {
        var host = Module("host");
        var configuration = Resource(host, "Microsoft.App/containerApps").GetProperty("properties").GetProperty("configuration");
        Assert.Contains("smtp-password", Resolve(host, configuration.GetProperty("secrets").GetString()!));
        var smtpSecret = host.GetProperty("variables").GetProperty("smtpSecret").GetString()!;
        Assert.Contains("'keyVaultUrl', parameters('smtpSecretUri')", smtpSecret);
        var mailEnv = host.GetProperty("variables").GetProperty("mailEnv").GetString()!;
        Assert.Contains("'name', 'Mail__Password', 'secretRef', 'smtp-password'", mailEnv);
        Assert.DoesNotContain("'Mail__Password', 'value'", mailEnv);
        AssertModuleOutput("keyvault", "smtpSecretUri", ModuleParameter("host", "smtpSecretUri"));
    }

    [Fact]
    public void Host_MailsOverTls_AndPlainTextCannotBeChosen()
    {
        var security = Compiled.Value.Template.GetProperty("parameters").GetProperty("mailSecurity");
        Assert.Equal("Tls", security.GetProperty("defaultValue").GetString());
        Assert.Equal(["Tls", "StartTls", "SslOnConnect"], security.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[parameters('mailSecurity')]", ModuleParameter("host", "mailSecurity"));
        var mailEnv = Module("host").GetProperty("variables").GetProperty("mailEnv").GetString()!;
        Assert.Contains("'name', 'Mail__Security', 'value', parameters('mailSecurity')", mailEnv);
    }

    [Fact]
    public void Host_ReachesStorageWithItsIdentity_AndRunsWithoutIngress()
    {
        var host = Module("host");
        var app = Resource(host, "Microsoft.App/containerApps");
        var container = Assert.Single(app.GetProperty("properties").GetProperty("template").GetProperty("containers").EnumerateArray());
        var envExpression = container.GetProperty("env").GetString()!;
        Assert.StartsWith("[concat(variables('storageEnv'), ", envExpression);
        var env = host.GetProperty("variables").GetProperty("storageEnv").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);

        Assert.Equal("[parameters('storageBlobServiceUri')]", env["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('storageTableServiceUri')]", env["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("managedidentity", env["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", env["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("'AzureWebJobsStorage'", envExpression);

        // The URLs are the deployed account's endpoints; the client id is the same identity the app runs as.
        AssertModuleOutput("storage", "blobEndpoint", ModuleParameter("host", "storageBlobServiceUri"));
        AssertModuleOutput("storage", "tableEndpoint", ModuleParameter("host", "storageTableServiceUri"));
        AssertModuleOutput("identity", "clientId", ModuleParameter("host", "identityClientId"));
        AssertModuleOutput("identity", "id", ModuleParameter("host", "identityId"));
        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());

        Assert.False(app.GetProperty("properties").GetProperty("configuration").TryGetProperty("ingress", out _));
        Assert.Equal("[parameters('minReplicas')]", app.GetProperty("properties").GetProperty("template").GetProperty("scale").GetProperty("minReplicas").GetString());
    }

    [Fact]
    public void Storage_LetsTheUploadPageOriginsPutBlobsFromABrowser()
    {
        var blobService = Resource(Module("storage"), "Microsoft.Storage/storageAccounts/blobServices");
        var rules = blobService.GetProperty("properties").GetProperty("cors").GetProperty("corsRules").GetString()!;

        Assert.StartsWith("[if(empty(parameters('uploadPageOrigins')), createArray(), ", rules);
        Assert.Contains("'allowedOrigins', parameters('uploadPageOrigins')", rules);
        Assert.Contains("'allowedMethods', createArray('GET', 'PUT', 'HEAD', 'OPTIONS')", rules);
        Assert.Matches("'exposedHeaders', createArray\\([^)]*'etag'[^)]*'x-ms-\\*'", rules);
        Assert.Matches("'allowedHeaders', createArray\\([^)]*'x-ms-\\*'", rules);
        Assert.Equal("array", Compiled.Value.Template.GetProperty("parameters").GetProperty("uploadPageOrigins").GetProperty("type").GetString());
        Assert.Equal(0, Compiled.Value.Template.GetProperty("parameters").GetProperty("uploadPageOrigins").GetProperty("defaultValue").GetArrayLength());
    }

    /// <summary>The expression is exactly another module's output, e.g. <c>[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '…').outputs.clientId.value]</c>.</summary>
    private static void AssertModuleOutput(string module, string output, string expression) =>
        Assert.Matches($@"^\[reference\(resourceId\('Microsoft\.Resources/deployments', '{module}'\), '[0-9-]+'\)\.outputs\.{output}\.value\]$", expression);

    private static bool LooksLikeStorageConnection(string text) =>
        StorageConnectionName().IsMatch(text);

    /// <summary>The nested template of a module of main.bicep.</summary>
    private static JsonElement Module(string name) =>
        ModuleDeployment(name).GetProperty("properties").GetProperty("template");

    private static string ModuleParameter(string module, string parameter) =>
        ModuleDeployment(module).GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    private static JsonElement ModuleDeployment(string name) =>
        Resources(Compiled.Value.Template, "Microsoft.Resources/deployments").Single(d => d.GetProperty("name").GetString() == name);

    private static JsonElement Resource(JsonElement template, string type) => Assert.Single(Resources(template, type));

    private static IEnumerable<JsonElement> Resources(JsonElement template, string type)
    {
        var resources = template.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
        return all.Where(r => r.GetProperty("type").GetString() == type);
    }

    /// <summary>The role definition GUID a role assignment grants, with <c>variables('...')</c> resolved from its template.</summary>
    private static string RoleId(JsonElement template, JsonElement assignment)
    {
        var expression = Resolve(template, assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!);
        var match = RoleDefinition().Match(expression);
        Assert.True(match.Success, expression);
        return match.Groups[1].Value;
    }

    /// <summary>Replaces each <c>variables('name')</c> in an ARM expression with the variable's JSON (a quoted string for a string).</summary>
    private static string Resolve(JsonElement template, string expression) =>
        VariableReference().Replace(expression, match =>
        {
            var value = template.GetProperty("variables").GetProperty(match.Groups[1].Value);
            return value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();
        });

    [GeneratedRegex(@"variables\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '([0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex("storage.?conn|connection.?string|account.?key|AzureWebJobsStorage", RegexOptions.IgnoreCase)]
    private static partial Regex StorageConnectionName();
}
