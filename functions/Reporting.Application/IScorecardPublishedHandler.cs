using Reporting.Core.Scorecards;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>
/// Told after each version is published (timer, stale re-render, on demand, <c>reporting render</c>), with the names of
/// its files, stored in the version's folder (<see cref="ScorecardBlobs.ReadVersionAsync"/>). A handler's failure is
/// logged by the publisher and never fails the render: the scorecards are already out.
/// </summary>
public interface IScorecardPublishedHandler
{
    Task OnPublishedAsync(Scorecard scorecard, int version, IReadOnlyList<string> fileNames, CancellationToken cancellationToken);
}
