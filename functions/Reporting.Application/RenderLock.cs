using Reporting.Core.Periods;
using Reporting.Storage.Leases;

namespace Reporting.Application;

/// <summary>
/// One render of a period at a time across the timer, the stale re-render and <c>reporting render</c>, on every host:
/// a blob lease per period, renewed while the render runs. A second render of the same period waits its turn.
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
                return new Held(leases, lease, clock);
            }

            if (clock.GetUtcNow() >= giveUp)
            {
                var holder = await leases.GetOwnerAsync(name, cancellationToken);
                throw new TimeoutException($"the scorecards of {period} are being rendered by {holder ?? "another run"}; gave up waiting after {patience.TotalMinutes:0} minutes");
            }

            await Task.Delay(Poll, clock, cancellationToken);
        }
    }

    // Renews at a third of the lease; a lost lease cannot be taken back, so the render simply finishes (the next one waits).
    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseStore _leases;
        private readonly HeldLease _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseStore leases, HeldLease lease, TimeProvider clock)
        {
            (_leases, _lease) = (leases, lease);
            _renewing = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(lease.Duration / 3, clock, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    if (!_stop.IsCancellationRequested && await RenewQuietlyAsync() == LeaseRenewal.Lost)
                    {
                        return;
                    }
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _leases.ReleaseAsync(_lease, CancellationToken.None);
            _stop.Dispose();
        }

        private async Task<LeaseRenewal> RenewQuietlyAsync()
        {
            try
            {
                return await _leases.RenewAsync(_lease, CancellationToken.None);
            }
            catch (Exception)
            {
                return LeaseRenewal.Renewed; // storage briefly away: try again at the next interval
            }
        }
    }
}
