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

    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
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
    [InlineData("Storage Blob Data Owner", BlobDataOwner)] // the Functions host's timers take blob leases with the identity
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

        Assert.Equal(new[] { TableDataContributor, BlobDataOwner, BlobDelegator }.Order(), roleIds);
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

        // The Function App's settings hold no such connection either: storage by identity, secrets as Key Vault references.
        var app = Module("functionapp");
        var settings = Resolve(app, Resource(app, "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!);
        Assert.DoesNotContain("'AzureWebJobsStorage',", settings, StringComparison.Ordinal);
        Assert.Contains("'Pdf__LicenseKey', 'value', format('@Microsoft.KeyVault(SecretUri={0})', parameters('pdfLicenseSecretUri'))", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_GetsTheSmtpPasswordFromKeyVault_AsAKeyVaultReference()
    {
        var app = Module("functionapp");
        var mail = app.GetProperty("variables").GetProperty("mailSettings").GetString()!;
        Assert.Contains("'Mail__Password', 'value', format('@Microsoft.KeyVault(SecretUri={0})', parameters('smtpSecretUri'))", mail);
        Assert.Equal("[parameters('identityId')]", Resource(app, "Microsoft.Web/sites").GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString());
        AssertModuleOutput("keyvault", "smtpSecretUri", ModuleParameter("functionapp", "smtpSecretUri"));
    }

    [Fact]
    public void FunctionApp_MailsOverTls_AndPlainTextCannotBeChosen()
    {
        var security = Compiled.Value.Template.GetProperty("parameters").GetProperty("mailSecurity");
        Assert.Equal("Tls", security.GetProperty("defaultValue").GetString());
        Assert.Equal(["Tls", "StartTls", "SslOnConnect"], security.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[parameters('mailSecurity')]", ModuleParameter("functionapp", "mailSecurity"));
        var mailSettings = Module("functionapp").GetProperty("variables").GetProperty("mailSettings").GetString()!;
        Assert.Contains("'name', 'Mail__Security', 'value', parameters('mailSecurity')", mailSettings);
    }

    [Fact]
    public void FunctionApp_ReachesStorageWithItsIdentity()
    {
        var app = Module("functionapp");
        var site = Resource(app, "Microsoft.Web/sites");
        Assert.StartsWith("[concat(variables('storageSettings'), variables('triggerSettings'), ", site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!);
        var env = Env(app, "storageSettings");

        Assert.Equal("[parameters('storageBlobServiceUri')]", env["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('storageTableServiceUri')]", env["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("[parameters('storageQueueServiceUri')]", env["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("managedidentity", env["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", env["AzureWebJobsStorage__clientId"]);

        // The URLs are the deployed account's endpoints; the client id is the same identity the app runs as.
        AssertModuleOutput("storage", "blobEndpoint", ModuleParameter("functionapp", "storageBlobServiceUri"));
        AssertModuleOutput("storage", "tableEndpoint", ModuleParameter("functionapp", "storageTableServiceUri"));
        AssertModuleOutput("identity", "clientId", ModuleParameter("functionapp", "identityClientId"));
        AssertModuleOutput("identity", "id", ModuleParameter("functionapp", "identityId"));
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public void FunctionApp_IsFlexConsumption_DotnetIsolated10_SizedForTheMonthlyRun_AndDeploysWithItsIdentity()
    {
        var app = Module("functionapp");
        var plan = Resource(app, "Microsoft.Web/serverfarms");
        Assert.Equal(("FlexConsumption", "FC1"), (plan.GetProperty("sku").GetProperty("tier").GetString(), plan.GetProperty("sku").GetProperty("name").GetString()));
        var site = Resource(app, "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        var config = site.GetProperty("properties").GetProperty("functionAppConfig");
        Assert.Equal(("dotnet-isolated", "10.0"), (config.GetProperty("runtime").GetProperty("name").GetString(), config.GetProperty("runtime").GetProperty("version").GetString()));

        // The monthly run at 1,000 departments peaks near 930 MB (docs/benchmarks.md): 2048 MB instances, never less.
        Assert.Equal(2048, app.GetProperty("parameters").GetProperty("instanceMemoryMB").GetProperty("defaultValue").GetInt32());
        Assert.DoesNotContain(app.GetProperty("parameters").GetProperty("instanceMemoryMB").GetProperty("allowedValues").EnumerateArray(), v => v.GetInt32() < 2048);
        Assert.Equal("[parameters('maximumInstanceCount')]", config.GetProperty("scaleAndConcurrency").GetProperty("maximumInstanceCount").GetString());
        Assert.Contains("'function:IngestSubmission'", config.GetProperty("scaleAndConcurrency").GetProperty("alwaysReady").GetString());

        var deployment = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", deployment.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", deployment.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
        AssertModuleOutput("storage", "deploymentContainerName", ModuleParameter("functionapp", "deploymentContainerName"));
    }

    [Fact]
    public void FunctionApp_SetsEverySettingTheTriggersName()
    {
        var triggers = Env(Module("functionapp"), "triggerSettings");

        foreach (var setting in new[] { "SubmissionEventQueue", "SafetyNetSchedule", "MonthlyCheckSchedule", "ReminderSchedule", "MailRetrySchedule", "PageRefreshSchedule" })
        {
            Assert.True(triggers.ContainsKey(setting), setting);
        }

        Assert.Equal("0 0 * * * *", Compiled.Value.Template.GetProperty("parameters").GetProperty("safetyNetSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void FunctionApp_SetsTheFloodLimits_FromParametersWithTheAppsDefaults()
    {
        var flood = Env(Module("functionapp"), "floodSettings");
        Assert.Equal("[string(parameters('ingestMaxInFlightPerDepartment'))]", flood["Ingest__MaxInFlightPerDepartment"]);
        Assert.Equal("[parameters('rerenderInterval')]", flood["extensions__monthlyScorecards__rerenderInterval"]);
        Assert.Equal("[parameters('updateMailInterval')]", flood["Mail__UpdateInterval"]);
        Assert.Contains("variables('floodSettings')", Resource(Module("functionapp"), "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!, StringComparison.Ordinal);

        // The same values as the app's own defaults, so the README's table holds for Azure too.
        var parameters = Compiled.Value.Template.GetProperty("parameters");
        Assert.Equal(new Application.Uploads.IngestFairnessOptions().MaxInFlightPerDepartment, parameters.GetProperty("ingestMaxInFlightPerDepartment").GetProperty("defaultValue").GetInt32());
        Assert.Equal(new Application.MonthlyScorecardOptions().RerenderInterval.ToString(), parameters.GetProperty("rerenderInterval").GetProperty("defaultValue").GetString());
        Assert.Equal(new Delivery.MailOptions().UpdateInterval.ToString(), parameters.GetProperty("updateMailInterval").GetProperty("defaultValue").GetString());
        foreach (var parameter in new[] { "ingestMaxInFlightPerDepartment", "rerenderInterval", "updateMailInterval" })
        {
            Assert.Equal($"[parameters('{parameter}')]", ModuleParameter("functionapp", parameter));
        }
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
