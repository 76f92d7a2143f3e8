using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public void Host_WithAnApplicationInsightsConnection_RegistersTelemetry()
    {
        using var host = ReportingHost.CreateBuilder([], new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();

        Assert.NotNull(host.Services.GetService<TelemetryClient>());
    }

    [Fact]
    public void Host_WithoutOne_RegistersNothing()
    {
        using var host = ReportingHost.CreateBuilder([]).Build();

        Assert.Null(host.Services.GetService<TelemetryClient>());
    }
}
