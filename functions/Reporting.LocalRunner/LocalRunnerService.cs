using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Storage;

namespace Reporting.LocalRunner;

/// <summary>
/// Starts a listener for every function in functions.metadata (queue or timer) and stops them with the process. Any other
/// trigger type stops the runner at start: it would be a function that silently never runs.
/// </summary>
internal sealed partial class LocalRunnerService(
    IConfiguration configuration,
    ReportingStorageAccount account,
    FunctionInvoker invoker,
    IOptions<QueueHostOptions> queueOptions,
    ILoggerFactory loggers,
    ILogger<LocalRunnerService> logger) : BackgroundService
{
    /// <summary>The line the runner logs once every function listens (the demo and the tests wait for it).</summary>
    public const string ReadyMarker = "Local runner listening";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var metadata = Path.Combine(AppContext.BaseDirectory, FunctionMetadataFile.FileName);
        var runs = new List<Task>();
        foreach (var function in FunctionMetadataFile.Read(metadata))
        {
            var functionLogger = loggers.CreateLogger($"Function.{function.Name}");
            switch (function.Trigger.Type)
            {
                case TriggerBinding.Queue:
                    var name = FunctionMetadataFile.Resolve(function.Trigger.QueueName!, configuration);
                    var queue = account.QueueService.GetQueueClient(name);
                    var poison = account.QueueService.GetQueueClient(name + "-poison");
                    runs.Add(Task.Run(() => new QueueFunctionListener(function, queue, poison, queueOptions.Value, invoker, functionLogger).RunAsync(stoppingToken), CancellationToken.None));
                    LogListening(logger, function.Name, "queue", name);
                    break;
                case TriggerBinding.Timer:
                    var schedule = FunctionMetadataFile.Resolve(function.Trigger.Schedule!, configuration);
                    runs.Add(Task.Run(() => new TimerFunctionListener(function, schedule, invoker, TimeProvider.System, functionLogger).RunAsync(stoppingToken), CancellationToken.None));
                    LogListening(logger, function.Name, "schedule", schedule);
                    break;
                default:
                    throw new InvalidOperationException($"{function.Name} has a {function.Trigger.Type}, which the local runner does not run");
            }
        }

        LogReady(logger, runs.Count, metadata);
        await Task.WhenAll(runs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: {Kind} {Value}")]
    private static partial void LogListening(ILogger logger, string function, string kind, string value);

    [LoggerMessage(Level = LogLevel.Warning, Message = ReadyMarker + ": {Count} functions from {Metadata}")]
    private static partial void LogReady(ILogger logger, int count, string metadata);
}
