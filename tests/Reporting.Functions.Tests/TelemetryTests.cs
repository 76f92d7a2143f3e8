using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions.Tests;

public sealed class TelemetryTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration) // as the worker's builder registers it
            .AddReportingFunctions(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Registrations_WithAnApplicationInsightsConnection_RegisterTelemetry()
    {
        await using var services = Services(new()
        {
            [TelemetryServiceCollectionExtensions.ConnectionSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.NotNull(services.GetService<TelemetryClient>());
    }

    [Fact]
    public async Task Registrations_WithoutOne_RegisterNothing()
    {
        await using var services = Services([]);

        Assert.Null(services.GetService<TelemetryClient>());
    }
}
