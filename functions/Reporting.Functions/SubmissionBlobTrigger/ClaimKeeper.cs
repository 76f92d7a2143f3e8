using Reporting.Storage.Receipts;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// Keeps a host's claim on an upload alive while the function runs (renewing it every third of its duration), and is
/// the fence the function checks before publishing. When a renewal finds the claim taken, the function is cancelled.
/// </summary>
internal sealed class ClaimKeeper : IClaimFence, IAsyncDisposable
{
    private readonly BlobReceiptStore _receipts;
    private readonly BlobClaim _claim;
    private readonly TimeSpan _duration;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClaimKeeper(BlobReceiptStore receipts, BlobClaim claim, TimeSpan duration, TimeProvider clock)
    {
        (_receipts, _claim, _duration) = (receipts, claim, duration);
        _loop = Task.Run(() => KeepAsync(clock));
    }

    /// <summary>Cancelled when another host has taken the claim: the function must stop.</summary>
    public CancellationToken Lost => _lost.Token;

    public async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            // Never cut a renewal short: one the service applied but we did not hear back from would leave a stale ETag.
            if (!await _receipts.RenewAsync(_claim, _duration, CancellationToken.None))
            {
                await _lost.CancelAsync();
                return false;
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops renewing; after this the receipt may be completed or released without a race.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _gate.WaitAsync();
        _gate.Release();
        _stop.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task KeepAsync(TimeProvider clock)
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(_duration / 3, clock, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_stop.IsCancellationRequested || !await TryRenewAsync())
            {
                return;
            }
        }
    }

    // A failed renewal (storage briefly away) is tried again at the next interval; only a taken claim stops the loop.
    private async Task<bool> TryRenewAsync()
    {
        try
        {
            return await RenewAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            return true;
        }
    }
}
