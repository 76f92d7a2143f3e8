using Reporting.Core.Strategy;
using Reporting.Storage.Blobs;

namespace Reporting.Functions.Pipeline;

/// <summary>The strategy in force: <c>config/strategy.yaml</c> in storage, read fresh for each use so a push takes effect at once.</summary>
public sealed class StrategySource(StrategyBlob blob)
{
    /// <summary>The strategy in force, or null when none has been uploaded yet.</summary>
    public async Task<EngagementStrategy?> TryGetAsync(CancellationToken cancellationToken) =>
        await blob.ReadAsync(cancellationToken) is { } yaml ? StrategyYaml.Parse(yaml).GetValidStrategy() : null;

    public async Task<EngagementStrategy> GetAsync(CancellationToken cancellationToken)
    {
        var yaml = await blob.ReadAsync(cancellationToken)
            ?? throw new InvalidOperationException(
                "No strategy has been uploaded to storage (config/strategy.yaml); run `reporting init --strategy <file>` first.");
        return StrategyYaml.Parse(yaml).GetValidStrategy();
    }
}
