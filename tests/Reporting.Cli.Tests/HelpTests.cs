namespace Reporting.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("init")]
    [InlineData("strategy", "validate")]
    [InlineData("strategy", "push")]
    [InlineData("strategy", "show")]
    [InlineData("validate")]
    [InlineData("submit")]
    [InlineData("status")]
    [InlineData("render")]
    [InlineData("grant")]
    [InlineData("template")]
    [InlineData("remind")]
    [InlineData("demo")]
    public async Task Help_EveryVerb_ExplainsItselfWithAnExample(params string[] verb)
    {
        var result = await CliProcess.RunAsync([.. verb, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example", result.Output);
        Assert.Contains("reporting " + string.Join(' ', verb), result.Output);
    }

    [Fact]
    public async Task UnknownVerb_IsAUsageError()
    {
        var result = await CliProcess.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.All);
    }
}
