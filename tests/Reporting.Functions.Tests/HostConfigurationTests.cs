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
        Assert.False(trigger.UsesEvents); // locally (Azurite has no Event Grid) the scan is the only path, every second
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), trigger.ScanPace());
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

    [Fact]
    public void EventQueue_TurnsTheScanIntoASafetyNet_AndIdlePollingSlowsIdleContainers()
    {
        using var events = ReportingHost.CreateBuilder(["--extensions:submissionBlobs:eventQueue=submission-events", "--extensions:submissionBlobs:safetyNetInterval=00:10:00"]).Build();
        var pushed = events.Services.GetRequiredService<IOptions<SubmissionBlobTriggerOptions>>().Value;
        Assert.True(pushed.UsesEvents);
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), pushed.ScanPace());

        // Without a setting the safety net lists every container hourly (docs/benchmarks.md, section 5: what a pass costs).
        using var byDefault = ReportingHost.CreateBuilder(["--extensions:submissionBlobs:eventQueue=submission-events"]).Build();
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(1)), byDefault.Services.GetRequiredService<IOptions<SubmissionBlobTriggerOptions>>().Value.ScanPace());

        using var adaptive = ReportingHost.CreateBuilder(["--extensions:submissionBlobs:idlePollingInterval=00:01:00"]).Build();
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), adaptive.Services.GetRequiredService<IOptions<SubmissionBlobTriggerOptions>>().Value.ScanPace());
    }
}
