using Reporting.Core.Periods;
using Reporting.Storage.Leases;

namespace Reporting.Application;

/// <summary>
/// One render of a period at a time across the timer, the stale re-render and <c>reporting render</c>, on every host:
/// a blob lease per period, renewed while the render runs (<see cref="KeptLease"/>). A second render of the same period waits its turn.
/// </summary>
public sealed class RenderLock(BlobLeaseStore leases, TimeProvider clock)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>Waits (at most <paramref name="patience"/>) until this process holds the period's render lock.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(Period period, TimeSpan patience, CancellationToken cancellationToken)
    {
        var name = $"renders/{period}";
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}";
        var giveUp = clock.GetUtcNow() + patience;
        while (true)
        {
            if (await leases.TryAcquireAsync(name, LeaseDuration, owner, null, cancellationToken) is { } lease)
            {
                return new KeptLease(leases, lease, clock);
            }

            if (clock.GetUtcNow() >= giveUp)
            {
                var holder = await leases.GetOwnerAsync(name, cancellationToken);
                throw new TimeoutException($"the scorecards of {period} are being rendered by {holder ?? "another run"}; gave up waiting after {patience.TotalMinutes:0} minutes");
            }

            await Task.Delay(Poll, clock, cancellationToken);
        }
    }
}
