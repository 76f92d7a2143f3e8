using System.Diagnostics;
using Reporting.Storage.Leases;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobLeaseStoreTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Shortest = BlobLeaseStore.MinimumDuration;
    private readonly BlobLeaseStore _store = Store(TestStorage.Account(azurite));

    private static BlobLeaseStore Store(ReportingStorageAccount account) => new(account, TestStorage.Leases(account));

    [Fact]
    public async Task TryAcquireAsync_Twice_TheSecondIsRefused()
    {
        var first = await _store.TryAcquireAsync("singletons/a", Shortest, "host-1", null, default);
        var second = await _store.TryAcquireAsync("singletons/a", Shortest, "host-2", null, default);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("host-1", await _store.GetOwnerAsync("singletons/a", default));
    }

    [Fact]
    public async Task TryAcquireAsync_EightHostsAtOnceOnANewLock_ExactlyOneGetsIt()
    {
        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _store.TryAcquireAsync("singletons/new", Shortest, $"host-{i}", null, default)));

        Assert.Single(leases, l => l is not null);
        Assert.StartsWith("host-", await _store.GetOwnerAsync("singletons/new", default));
    }

    [Fact]
    public async Task ReleaseAsync_TheLockIsAcquirableAtOnce_AndHasNoOwner()
    {
        var first = (await _store.TryAcquireAsync("singletons/b", Shortest, "host-1", null, default))!;
        await _store.ReleaseAsync(first, default);

        Assert.Null(await _store.GetOwnerAsync("singletons/b", default));
        Assert.NotNull(await _store.TryAcquireAsync("singletons/b", Shortest, "host-2", null, default));
        Assert.Equal("host-2", await _store.GetOwnerAsync("singletons/b", default));
        Assert.Equal(LeaseRenewal.Lost, await _store.RenewAsync(first, default));
        await _store.ReleaseAsync(first, default); // not ours any more: no error, and the new holder keeps it
        Assert.Equal("host-2", await _store.GetOwnerAsync("singletons/b", default));
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_KeepsTheLease()
    {
        var lease = (await _store.TryAcquireAsync("singletons/c", Shortest, "host-1", null, default))!;

        Assert.Equal(LeaseRenewal.Renewed, await _store.RenewAsync(lease, default));
        Assert.Null(await _store.TryAcquireAsync("singletons/c", Shortest, "host-2", null, default));
    }

    [Fact]
    public async Task TryAcquireAsync_WithTheHoldersProposedLeaseId_IsTheSameLease()
    {
        var leaseId = Guid.NewGuid().ToString();
        var first = await _store.TryAcquireAsync("singletons/d", Shortest, "host-1", leaseId, default);
        var again = await _store.TryAcquireAsync("singletons/d", Shortest, "host-1", leaseId, default);

        Assert.Equal(leaseId, first!.LeaseId);
        Assert.Equal(leaseId, again!.LeaseId);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public async Task TryAcquireAsync_DurationAzureRefuses_IsRefusedBeforeAnyRequest(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.TryAcquireAsync("singletons/e", TimeSpan.FromSeconds(seconds), "h", null, default));
    }

    [Fact]
    public async Task ALeaseNotRenewed_IsTakenOverAfterItExpires_AndNotBefore()
    {
        var dead = (await _store.TryAcquireAsync("singletons/f", Shortest, "dead-host", null, default))!;
        var clock = Stopwatch.StartNew();

        HeldLease? taken = null;
        while (taken is null && clock.Elapsed < Shortest + TimeSpan.FromSeconds(10))
        {
            taken = await _store.TryAcquireAsync("singletons/f", Shortest, "second-host", null, default);
            await Task.Delay(taken is null ? 250 : 0);
        }

        Assert.NotNull(taken);
        Assert.InRange(clock.Elapsed, Shortest - TimeSpan.FromSeconds(1), Shortest + TimeSpan.FromSeconds(10));
        Assert.Equal("second-host", await _store.GetOwnerAsync("singletons/f", default));
        Assert.Equal(LeaseRenewal.Lost, await _store.RenewAsync(dead, default));
    }

    [Fact]
    public async Task ListHeldAsync_NamesTheLeasedLocksUnderThePrefix_NotReleasedOnesNorOthers()
    {
        Assert.Empty(await _store.ListHeldAsync("ingest/sales/", default)); // no lock container yet
        var one = (await _store.TryAcquireAsync("ingest/sales/0", Shortest, null, null, default))!;
        var two = (await _store.TryAcquireAsync("ingest/sales/1", Shortest, null, null, default))!;
        await _store.TryAcquireAsync("ingest/hr/0", Shortest, null, null, default);
        await _store.ReleaseAsync(two, default);

        Assert.Equal(["ingest/sales/0"], await _store.ListHeldAsync("ingest/sales/", default));
        Assert.Null(await _store.GetOwnerAsync(one.Name, default)); // no owner asked for: no metadata written
    }
}
