using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Storage;

namespace Reporting.Functions;

/// <summary>
/// Logs how many storage requests the host has sent, by billing class, every <c>Storage:OperationLogInterval</c> (off when
/// unset): what an idle hour costs is then read from the log (the benchmark does), not estimated.
/// </summary>
internal sealed partial class StorageOperationReporter(ReportingStorageAccount account, IConfiguration configuration, ILogger<StorageOperationReporter> logger) : BackgroundService
{
    public const string Setting = "Storage:OperationLogInterval";

    /// <summary>The text before the counts in each line; the counts follow as <c>Kind=N</c> pairs.</summary>
    public const string Marker = "Storage operations since start:";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TimeSpan.TryParse(configuration[Setting], System.Globalization.CultureInfo.InvariantCulture, out var interval) || interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                LogCounts(logger, account.Operations.Describe());
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = Marker + " {Counts}")]
    private static partial void LogCounts(ILogger logger, string counts);
}
