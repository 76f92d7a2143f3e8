using System.Text;
using Reporting.Storage.Queues;

namespace Reporting.Storage.Tests;

/// <summary>Event Grid's messages on a storage queue, in both schemas and both encodings, and what is not an event.</summary>
public sealed class BlobEventReaderTests
{
    private const string GridEvent = """
        {"topic":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/acct",
         "subject":"/blobServices/default/containers/submissions-sales/blobs/2026-09 – corrected, März.csv",
         "eventType":"Microsoft.Storage.BlobCreated","id":"1","eventTime":"2026-10-03T10:00:00.1234567Z",
         "data":{"api":"PutBlob","eTag":"0x8DEADBEEF","sequencer":"0000000000000000000000000000a2b7000000000000c3f1","blobType":"BlockBlob","url":"https://acct.blob.core.windows.net/submissions-sales/2026-09%20%E2%80%93%20corrected%2C%20M%C3%A4rz.csv"},
         "dataVersion":"","metadataVersion":"1"}
        """;

    private static readonly DateTimeOffset GridEventTime = new DateTimeOffset(2026, 10, 3, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly BlobCreated GridCreated = new(
        "submissions-sales", "2026-09 – corrected, März.csv", GridEventTime, "0000000000000000000000000000a2b7000000000000c3f1", "0x8DEADBEEF");

    private const string CloudEvent = """
        {"specversion":"1.0","type":"Microsoft.Storage.BlobCreated","source":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/acct",
         "subject":"/blobServices/default/containers/submissions-hr/blobs/folder/2026-09.csv","id":"2","time":"2026-10-03T10:00:00Z","data":{"api":"PutBlockList"}}
        """;

    [Fact]
    public void Read_EventGridSchema_NamesTheBlobAsStored_WithItsEventTimeSequencerAndETag()
    {
        var batch = BlobEventReader.Read(GridEvent);

        Assert.Null(batch.Malformed);
        Assert.Equal([GridCreated], batch.Created); // eventTime to 100 ns: finer than Last-Modified's whole seconds
    }

    [Fact]
    public void DeferredEvent_ReadsBackAsTheSameUpload_WithItsTimeToTheTick_AndOneMoreDeferral()
    {
        var once = Assert.Single(BlobEventReader.Read(DeferredEvent.For(GridCreated)).Created);
        var twice = Assert.Single(BlobEventReader.Read(DeferredEvent.For(once)).Created);

        Assert.Equal(GridCreated with { Deferrals = 1 }, once);
        Assert.Equal(GridCreated with { Deferrals = 2 }, twice);
        Assert.Equal(new BlobCreated("submissions-hr", "2026-10.csv", Deferrals: 1), Assert.Single(BlobEventReader.Read(DeferredEvent.For(new BlobCreated("submissions-hr", "2026-10.csv"))).Created));
    }

    [Fact]
    public void Read_Base64Encoded_IsTheSame()
    {
        var batch = BlobEventReader.Read(Convert.ToBase64String(Encoding.UTF8.GetBytes(GridEvent)));

        Assert.Equal([GridCreated], batch.Created);
    }

    [Fact]
    public void Read_CloudEventsSchema_AndFolders()
    {
        Assert.Equal([new BlobCreated("submissions-hr", "folder/2026-09.csv", new DateTimeOffset(2026, 10, 3, 10, 0, 0, TimeSpan.Zero))], BlobEventReader.Read(CloudEvent).Created);
    }

    [Fact]
    public void Read_ArrayOfEvents_ReadsEach_AndCountsOtherKinds()
    {
        var deleted = GridEvent.Replace("Microsoft.Storage.BlobCreated", "Microsoft.Storage.BlobDeleted", StringComparison.Ordinal);

        var batch = BlobEventReader.Read($"[{GridEvent},{CloudEvent},{deleted}]");

        Assert.Equal(2, batch.Created.Count);
        Assert.Equal(1, batch.OtherEvents);
        Assert.Null(batch.Malformed);
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/submissions-sales/2026-09%20v2.csv", "submissions-sales", "2026-09 v2.csv")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/submissions-sales/a/b.csv", "submissions-sales", "a/b.csv")]
    public void Read_WithoutSubject_TakesTheBlobFromTheDecodedUrl(string url, string container, string name)
    {
        var message = $$$"""{"eventType":"Microsoft.Storage.BlobCreated","data":{"url":"{{{url}}}"}}""";

        Assert.Equal([new BlobCreated(container, name)], BlobEventReader.Read(message).Created);
    }

    [Theory]
    [InlineData("this is not an event", "neither JSON nor Base64-encoded JSON")]
    [InlineData("{\"eventType\": ", "not valid JSON")]
    [InlineData("{\"subject\":\"/blobServices/default/containers/c/blobs/b\"}", "neither eventType (Event Grid schema) nor type (CloudEvents schema)")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":\"/something/else\"}", "names no blob")]
    [InlineData("[42]", "neither eventType")]
    public void Read_NotAnEvent_SaysWhy(string message, string reason)
    {
        var batch = BlobEventReader.Read(message);

        Assert.Empty(batch.Created);
        Assert.Contains(reason, batch.Malformed, StringComparison.Ordinal);
    }
}
