using System.Collections.Concurrent;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Reporting.Functions.Tests;

/// <summary>What the Function App's registrations send to Application Insights, caught at the channel (the one part that would talk to Azure).</summary>
public sealed partial class TelemetryRedactionTests
{
    private const string Link = "https://acct.blob.core.windows.net/submissions-sales/2026-10.csv?sv=2025-01-05&sr=c&sig=TeLeMeTrY%2B%3D&se=2026-12-01";

    private const string EncodedLink = "https%3A%2F%2Facct.blob.core.windows.net%2Fsubmissions-sales%3Fsv%3D2025-01-05%26sig%3DeNcOdEd%26se%3D2026-12-01";

    [Fact]
    public async Task LogLinesExceptionsAndDependencies_ReachApplicationInsights_WithoutSignatures()
    {
        var channel = new CapturingChannel();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        await using var services = new ServiceCollection() // the worker's telemetry module is disposable asynchronously only
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration) // as the worker's builder registers it
            .AddReportingFunctions(configuration)
            .AddSingleton<ITelemetryChannel>(channel)
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reporting.Tests");
        var client = services.GetRequiredService<TelemetryClient>();

        LogFailed(logger, new InvalidOperationException("PUT " + Link + " failed"), Link, EncodedLink);
        client.TrackDependency(new DependencyTelemetry("Azure blob", "acct.blob.core.windows.net", "PUT " + Link, Link));
        client.Flush();

        var sent = channel.Items.ToList();
        var logged = Assert.Single(sent, item => item is TraceTelemetry or ExceptionTelemetry && Describe(item).Contains("could not be used", StringComparison.Ordinal));
        Assert.NotEmpty(sent.OfType<DependencyTelemetry>());
        foreach (var item in sent)
        {
            var all = Describe(item);
            Assert.DoesNotContain("TeLeMeTrY", all);
            Assert.DoesNotContain("eNcOdEd", all);
        }

        Assert.Contains("submissions-sales?sv=2025-01-05&sig=***&se=2026-12-01", Describe(logged));
        var dependency = sent.OfType<DependencyTelemetry>().Single(d => d.Type == "Azure blob");
        Assert.Equal("https://acct.blob.core.windows.net/submissions-sales/2026-10.csv?sv=2025-01-05&sr=c&sig=***&se=2026-12-01", dependency.Data);
    }

    // Every text an item carries: its message or data, its exception messages, its properties.
    private static string Describe(object item)
    {
        IEnumerable<string> texts = item switch
        {
            TraceTelemetry t => [t.Message],
            ExceptionTelemetry e => [e.Message ?? "", .. e.ExceptionDetailsInfoList.Select(d => d.Message)],
            DependencyTelemetry d => [d.Name, d.Data],
            RequestTelemetry r => [r.Name, r.Url?.ToString() ?? ""],
            _ => [],
        };
        var properties = item is ISupportProperties p ? p.Properties.Select(kv => kv.Key + "=" + kv.Value) : [];
        return string.Join("\n", texts.Concat(properties));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The upload page link {Link} (encoded {Encoded}) could not be used")]
    private static partial void LogFailed(ILogger logger, Exception exception, string link, string encoded);

    private sealed class CapturingChannel : ITelemetryChannel
    {
        public ConcurrentQueue<ITelemetry> Items { get; } = new();

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item) => Items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
