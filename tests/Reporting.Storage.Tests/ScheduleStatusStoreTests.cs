using Reporting.Storage.Leases;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleStatusStoreTests(AzuriteFixture azurite)
{
    private static readonly ScheduleStatus Status = new(
        new DateTimeOffset(2026, 10, 6, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 6, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 6, 6, 0, 1, TimeSpan.Zero));

    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    private ScheduleStatusStore Store => new(_account, TestStorage.Leases(_account));

    [Fact]
    public async Task ReadAsync_NeverWritten_IsNull()
    {
        Assert.Null(await Store.ReadAsync("reporting", "Monthly", default));
    }

    [Fact]
    public async Task TryWriteAsync_New_IsReadBack_AtTheDocumentedPath()
    {
        var written = await Store.TryWriteAsync("reporting", "Monthly", Status, null, default);

        var read = await Store.ReadAsync("reporting", "Monthly", default);
        Assert.Equal(Status, read!.Status);
        Assert.Equal(written!.ETag, read.ETag);
        var container = _account.BlobService.GetBlobContainerClient(TestStorage.Leases(_account).Value.LockContainer);
        Assert.True(await container.GetBlobClient("timers/reporting/Monthly/status.json").ExistsAsync());
    }

    [Fact]
    public async Task TryWriteAsync_NewWhenOneExists_OrWithAnOldETag_IsRefused_AndChangesNothing()
    {
        var first = (await Store.TryWriteAsync("reporting", "Monthly", Status, null, default))!;
        var second = (await Store.TryWriteAsync("reporting", "Monthly", Status with { Last = Status.Next }, first.ETag, default))!;

        Assert.Null(await Store.TryWriteAsync("reporting", "Monthly", Status with { Last = null }, null, default));
        Assert.Null(await Store.TryWriteAsync("reporting", "Monthly", Status with { Last = null }, first.ETag, default));
        var read = await Store.ReadAsync("reporting", "Monthly", default);
        Assert.Equal(second, read);
        Assert.Equal(Status.Next, read!.Status.Last);
    }

    [Fact]
    public async Task Statuses_AreKeptPerHostAndFunction()
    {
        await Store.TryWriteAsync("reporting", "Monthly", Status, null, default);
        await Store.TryWriteAsync("other-host", "Monthly", Status with { Last = null }, null, default);

        Assert.Equal(Status, (await Store.ReadAsync("reporting", "Monthly", default))!.Status);
        Assert.Null((await Store.ReadAsync("other-host", "Monthly", default))!.Status.Last);
        Assert.Null(await Store.ReadAsync("reporting", "Stale", default));
    }
}
