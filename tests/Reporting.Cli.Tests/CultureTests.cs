using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary>
/// The CLI as a process under a German and a Turkish locale (LANG and LC_ALL, with ICU, as .NET reads them on Linux):
/// the files it writes and the results it prints are the same as in a run in the invariant culture.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CultureTests(AzuriteFixture azurite) : IDisposable
{
    // The C locale gives .NET the invariant culture. (Not DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1: the legacy storage
    // client, WindowsAzure.Storage 9.3.3, fails every request in globalization-invariant mode.)
    private static readonly Dictionary<string, string?> Invariant = Locale("C.UTF-8");

    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-culture-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> Locale(string name) => new()
    {
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null,
        ["LANG"] = name,
        ["LC_ALL"] = name,
    };

    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    public async Task FilesAndResults_UnderALocale_AreTheSameAsInTheInvariantCulture(string locale)
    {
        TestCultures.RequireCultureData();
        // A target 12.5% below its baseline, and a submission whose problems carry decimals and thousands.
        var strategy = Write("strategy.yaml", File.ReadAllText(RepositoryFiles.Path("samples", "strategy.yaml")).Replace("change: -0.20", "change: -0.125", StringComparison.Ordinal));
        var submission = Write("2026-10.csv",
            $"period,kpi,value,comment\n2026-10,social-referral-revenue,-1.5,\n2026-10,purchase-frequency,100.5,\n2026-10,average-order-value,86.5,{new string('x', 2001)}\n");

        var expected = await RunAllAsync("invariant", Invariant, strategy, submission);
        var actual = await RunAllAsync(locale, Locale(locale), strategy, submission);

        // The locale took effect: System.CommandLine's own messages are translated.
        Assert.NotEqual(expected.UsageError, actual.UsageError);
        Assert.Contains("12.5% below the 2025 monthly average", expected.Files["scorecard.json"], StringComparison.Ordinal);
        Assert.Contains("keep it under 2,000", expected.Validate, StringComparison.Ordinal);
        Assert.Equal(expected.Validate, actual.Validate);
        Assert.Equal(expected.StrategyShow, actual.StrategyShow);
        Assert.Equal(expected.Files.Keys, actual.Files.Keys);
        foreach (var (name, content) in expected.Files)
        {
            Assert.True(content == actual.Files[name], $"{name} differs under {locale}");
        }
    }

    private sealed record Outputs(string UsageError, string Validate, string StrategyShow, SortedDictionary<string, string> Files);

    // Each run on storage of its own: init with the strategy, render October 2026 into a folder, validate a file offline.
    private async Task<Outputs> RunAllAsync(string name, Dictionary<string, string?> environment, string strategy, string submission)
    {
        var settings = TestStorage.Settings(TestStorage.Account(azurite));
        Task<CliProcess.Result> Run(params string[] arguments) => CliProcess.RunWithEnvironmentAsync(settings, environment, arguments);

        var init = await Run("init", "--strategy", strategy);
        Assert.True(init.ExitCode == 0, init.All);
        var output = Path.Combine(_folder, name);
        var render = await Run("render", "--period", "2026-10", "--out", output);
        Assert.True(render.ExitCode == 0, render.All);
        var show = await Run("strategy", "show", "--period", "2026-10");
        var validate = await Run("validate", submission, "--department", "sales", "--strategy", strategy);
        Assert.Equal(1, validate.ExitCode);
        var usage = await Run("validate", submission, "unexpected-argument", "--department", "sales");

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(output, "2026-10")))
        {
            files[Path.GetFileName(file)] = file.EndsWith(".json", StringComparison.Ordinal)
                ? await File.ReadAllTextAsync(file)
                : Convert.ToBase64String(await File.ReadAllBytesAsync(file));
        }

        Assert.Contains("scorecard.json", files.Keys);
        return new Outputs(usage.Errors, validate.Output, show.Output, files);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
