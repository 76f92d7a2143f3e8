using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Core.Submissions;
using Reporting.Functions.Scheduling;
using Reporting.Functions.SubmissionBlobTrigger;
using Reporting.Storage;

namespace Reporting.Functions.Tests;

public sealed class HostConfigurationTests
{
    [Fact]
    public void CreateBuilder_ReadsHostJson()
    {
        using var host = ReportingHost.CreateBuilder([]).Build();

        var trigger = host.Services.GetRequiredService<IOptions<SubmissionBlobTriggerOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(1), trigger.PollingInterval);
        Assert.Equal(5, trigger.MaxAttempts);
        var schedule = host.Services.GetRequiredService<IOptions<MonthlyScorecardOptions>>().Value;
        Assert.Null(schedule.Schedule); // the run follows the strategy's deadline unless host.json overrides it
        Assert.Null(schedule.TimeZone); // retired: the zone is the strategy's
        Assert.Equal(5 * 1024 * 1024, host.Services.GetRequiredService<IOptions<SubmissionRules>>().Value.MaxBytes);
        var logging = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Something");
        Assert.False(logging.IsEnabled(LogLevel.Information));
        Assert.True(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Reporting.Functions.Pipeline.X").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void CreateBuilder_StorageDefaultsToTheLocalEmulator_AndSettingsOverrideHostJson()
    {
        using var host = ReportingHost.CreateBuilder(["--extensions:submissionBlobs:maxAttempts=2"]).Build();

        Assert.Equal(StorageOptions.DevelopmentConnection, host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        Assert.Equal(2, host.Services.GetRequiredService<IOptions<SubmissionBlobTriggerOptions>>().Value.MaxAttempts);
    }
}
