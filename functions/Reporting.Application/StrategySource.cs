using Reporting.Core.Strategy;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>
/// The strategy in force: <c>config/strategy.yaml</c> in storage. Each use checks the blob's ETag (a HEAD request),
/// so a push takes effect at once, and parses the YAML again only when it changed.
/// </summary>
public sealed class StrategySource(StrategyBlob blob)
{
    private Parsed? _parsed; // one reference, swapped whole: safe with concurrent uploads

    /// <summary>The strategy in force, or null when none has been uploaded yet.</summary>
    public async Task<EngagementStrategy?> TryGetAsync(CancellationToken cancellationToken) =>
        (await TryGetVersionAsync(cancellationToken))?.Strategy;

    /// <summary>The strategy in force and its blob's ETag, which changes with every push (for what is built from it, like the upload pages); null when none.</summary>
    public async Task<(EngagementStrategy Strategy, string ETag)?> TryGetVersionAsync(CancellationToken cancellationToken)
    {
        var etag = await blob.ETagAsync(cancellationToken);
        if (etag is null)
        {
            return null;
        }

        if (_parsed is { } cached && cached.ETag == etag)
        {
            return (cached.Strategy, cached.ETag);
        }

        if (await blob.ReadVersionAsync(cancellationToken) is not { } current)
        {
            return null;
        }

        var strategy = StrategyYaml.Parse(current.Yaml).GetValidStrategy();
        _parsed = new Parsed(current.ETag, strategy);
        return (strategy, current.ETag);
    }

    public async Task<EngagementStrategy> GetAsync(CancellationToken cancellationToken) =>
        await TryGetAsync(cancellationToken)
        ?? throw new InvalidOperationException(
            "No strategy has been uploaded to storage (config/strategy.yaml); run `reporting init --strategy <file>` first.");

    private sealed record Parsed(string ETag, EngagementStrategy Strategy);
}
