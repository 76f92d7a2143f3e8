using Reporting.Storage.Receipts;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobReceiptStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly ManualClock _clock = new();
    private BlobReceiptStore Store => new(_account, _clock);

    public Task InitializeAsync() => _account.EnsureCreatedAsync([]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RenewAsync_BeforeTheClaimExpires_KeepsOtherHostsOutPastTheFirstExpiry()
    {
        var claim = (await Store.TryClaimAsync("c", "slow.csv", "\"v1\"", "slow-host", TimeSpan.FromMinutes(1), default)).Claim!;
        _clock.Advance(TimeSpan.FromSeconds(40));

        Assert.True(await Store.RenewAsync(claim, TimeSpan.FromMinutes(1), default));
        _clock.Advance(TimeSpan.FromSeconds(40)); // 80 s after the claim: past its first expiry, inside the renewed one

        Assert.Null((await Store.TryClaimAsync("c", "slow.csv", "\"v1\"", "other", TimeSpan.FromMinutes(1), default)).Claim);
    }

    [Fact]
    public async Task RenewAsync_AfterAnotherHostTookTheExpiredClaim_Fails()
    {
        var claim = (await Store.TryClaimAsync("c", "stalled.csv", "\"v1\"", "stalled-host", TimeSpan.FromMinutes(1), default)).Claim!;
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull((await Store.TryClaimAsync("c", "stalled.csv", "\"v1\"", "other", TimeSpan.FromMinutes(1), default)).Claim);

        Assert.False(await Store.RenewAsync(claim, TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task TryClaimAsync_TwoHostsAtOnce_OnlyOneGetsTheClaim()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Store.TryClaimAsync("c", "2026-10.csv", "\"0x1\"", $"host-{i}", TimeSpan.FromMinutes(1), default)));

        Assert.Single(attempts, a => a.Claim is not null);
    }

    [Fact]
    public async Task TryClaimAsync_AfterCompletion_SaysFinished_AndANewVersionIsClaimable()
    {
        var first = await Store.TryClaimAsync("c", "a.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default);
        await Store.CompleteAsync(first.Claim!, default);

        Assert.True((await Store.TryClaimAsync("c", "a.csv", "\"v1\"", "other", TimeSpan.FromMinutes(1), default)).IsFinished);
        Assert.NotNull((await Store.TryClaimAsync("c", "a.csv", "\"v2\"", "other", TimeSpan.FromMinutes(1), default)).Claim);
    }

    [Fact]
    public async Task TryClaimAsync_HolderDiedAndClaimExpired_AnotherHostTakesOverAndTheAttemptIsCounted()
    {
        await Store.TryClaimAsync("c", "b.csv", "\"v1\"", "dead-host", TimeSpan.FromSeconds(30), default);

        var whileHeld = await Store.TryClaimAsync("c", "b.csv", "\"v1\"", "other", TimeSpan.FromSeconds(30), default);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var afterExpiry = await Store.TryClaimAsync("c", "b.csv", "\"v1\"", "other", TimeSpan.FromSeconds(30), default);

        Assert.Null(whileHeld.Claim);
        Assert.False(whileHeld.IsFinished);
        Assert.Equal(2, afterExpiry.Claim!.Attempt);
    }

    [Fact]
    public async Task ReleaseForRetryAsync_WaitsForTheDelayBeforeTheNextClaim()
    {
        var claim = (await Store.TryClaimAsync("c", "d.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default)).Claim!;
        await Store.ReleaseForRetryAsync(claim, "boom", TimeSpan.FromSeconds(10), default);

        var tooEarly = await Store.TryClaimAsync("c", "d.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default);
        _clock.Advance(TimeSpan.FromSeconds(11));
        var retry = await Store.TryClaimAsync("c", "d.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default);

        Assert.Null(tooEarly.Claim);
        Assert.Equal(2, retry.Claim!.Attempt);
        Assert.Equal("boom", (await Store.FindAsync("c", "d.csv", "\"v1\"", default))!.LastError);
    }

    [Fact]
    public async Task PoisonAsync_IsFinal()
    {
        var claim = (await Store.TryClaimAsync("c", "e.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default)).Claim!;
        await Store.PoisonAsync(claim, "bad", default);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await Store.TryClaimAsync("c", "e.csv", "\"v1\"", "host", TimeSpan.FromMinutes(1), default)).IsFinished);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
