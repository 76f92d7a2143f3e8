using Reporting.Storage.Leases;

namespace Reporting.Application;

/// <summary>
/// A blob lease held for as long as the work under it runs: renewed at a third of its duration, released when disposed.
/// A lost lease cannot be taken back, so the work simply finishes (whoever took the lease goes on under it); if the process
/// dies, the lease runs out by itself.
/// </summary>
internal sealed class KeptLease : IAsyncDisposable
{
    private readonly BlobLeaseStore _leases;
    private readonly HeldLease _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public KeptLease(BlobLeaseStore leases, HeldLease lease, TimeProvider clock)
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
