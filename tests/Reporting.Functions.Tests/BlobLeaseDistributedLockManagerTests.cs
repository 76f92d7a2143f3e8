using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Functions.Locks;
using Reporting.Storage;
using Reporting.Storage.Leases;
using Reporting.Testing;

#pragma warning disable CS0618 // IDistributedLockManager is marked "not ready for public consumption", yet it is how WebJobs hosts plug in their locks.

namespace Reporting.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobLeaseDistributedLockManagerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    private BlobLeaseStore Leases => new(_account, TestStorage.Leases(_account));

    // Each manager stands for one host; they share only the storage account.
    private BlobLeaseDistributedLockManager Host() => new(Leases, NullLogger<BlobLeaseDistributedLockManager>.Instance);

    [Fact]
    public async Task TryLockAsync_SecondHost_IsRefusedWhileTheFirstHoldsIt_AndSeesItsOwner()
    {
        var (one, two) = (Host(), Host());

        var held = await one.TryLockAsync(null, "reporting/Monthly.Listener", "instance-1", null, Period, default);
        var refused = await two.TryLockAsync(null, "reporting/Monthly.Listener", "instance-2", null, Period, default);

        Assert.Equal("reporting/Monthly.Listener", held!.LockId);
        Assert.Null(refused);
        Assert.StartsWith("instance-1 (", await two.GetLockOwnerAsync(null, "reporting/Monthly.Listener", default));
        Assert.Equal(await two.GetLockOwnerAsync(null, "reporting/Monthly.Listener", default), await Leases.GetOwnerAsync("singletons/default/reporting/Monthly.Listener", default));
    }

    [Fact]
    public async Task ReleaseLockAsync_TheOtherHostGetsItAtOnce()
    {
        var (one, two) = (Host(), Host());
        var held = (await one.TryLockAsync(null, "reporting/Stale.Listener", null, null, Period, default))!;

        await one.ReleaseLockAsync(held, default);

        Assert.Null(await one.GetLockOwnerAsync(null, "reporting/Stale.Listener", default));
        Assert.NotNull(await two.TryLockAsync(null, "reporting/Stale.Listener", null, null, Period, default));
        await one.ReleaseLockAsync(held, default); // released twice, or after another host took it: nothing happens
        Assert.NotNull(await one.GetLockOwnerAsync(null, "reporting/Stale.Listener", default));
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_IsTrue_AndWhenLost_Throws()
    {
        var (one, two) = (Host(), Host());
        var held = (await one.TryLockAsync(null, "reporting/Renewed", null, null, Period, default))!;

        Assert.True(await one.RenewAsync(held, default));
        Assert.Null(await two.TryLockAsync(null, "reporting/Renewed", null, null, Period, default));

        await Leases.ReleaseAsync(((BlobLeaseLock)held).Lease, default); // as if it had expired ...
        Assert.NotNull(await two.TryLockAsync(null, "reporting/Renewed", null, null, Period, default)); // ... and been taken over
        var lost = await Assert.ThrowsAsync<InvalidOperationException>(() => one.RenewAsync(held, default));
        Assert.Contains("was lost", lost.Message);
    }

    [Fact]
    public async Task RenewAsync_StorageUnreachable_IsFalse_SoWebJobsTriesAgainSooner()
    {
        var nowhere = TestStorage.Unreachable();
        var manager = new BlobLeaseDistributedLockManager(new BlobLeaseStore(nowhere, TestStorage.Leases(nowhere)), NullLogger<BlobLeaseDistributedLockManager>.Instance);

        Assert.False(await manager.RenewAsync(new BlobLeaseLock("reporting/x", new HeldLease("singletons/default/reporting/x", Guid.NewGuid().ToString(), Period)), default));
    }

    [Fact]
    public async Task Locks_AreScopedByAccount()
    {
        var host = Host();

        Assert.NotNull(await host.TryLockAsync(null, "reporting/Scoped", null, null, Period, default));
        Assert.NotNull(await host.TryLockAsync("other", "reporting/Scoped", null, null, Period, default));
        Assert.Equal("singletons/other/reporting/Scoped", BlobLeaseDistributedLockManager.BlobName("other", "reporting/Scoped"));
    }

    [Fact]
    public void TheHost_UsesBlobLeases_NotTheInMemoryLocks()
    {
        using var host = ReportingHost.CreateBuilder([]).Build();

        Assert.IsType<BlobLeaseDistributedLockManager>(host.Services.GetRequiredService<IDistributedLockManager>());
    }
}
