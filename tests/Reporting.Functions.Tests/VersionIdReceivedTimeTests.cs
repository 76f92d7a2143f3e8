using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reporting.Application;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;

namespace Reporting.Functions.Tests;

/// <summary>
/// The path in Azure, where versioning is on and Azurite cannot go: a listed blob's version id becomes the upload's received
/// time (<see cref="ReceivedTimes"/>), which orders two uploads of one second and is not replaced by Event Grid's time.
/// </summary>
public sealed class VersionIdReceivedTimeTests
{
    private const string Container = "t1-submissions-sales";
    private static readonly DateTimeOffset LastModified = new(2026, 11, 3, 8, 15, 42, TimeSpan.Zero);
    private readonly ReceivedTimes _times = new(Options.Create(new ReceivedTimeOptions()), new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero)));

    private static SubmissionUpload Listed(string etag, string? versionId) =>
        SubmissionBlobs.UploadOf(Container, "sales", BlobsModelFactory.BlobItem(
            name: "2026-10.csv",
            properties: BlobsModelFactory.BlobItemProperties(accessTierInferred: false, lastModified: LastModified, eTag: new ETag(etag), contentLength: 10, blobType: BlobType.Block),
            versionId: versionId));

    [Fact]
    public void TwoUploadsInOneSecond_TheLaterVersionIdIsTheNewerStamp()
    {
        const string earlierETag = "0x8DDFA1B2C3D4E01", laterETag = "0x8DDFA1B2C3D4E02";
        // By Last-Modified alone they tie, and the tie-break on the version's key would put the earlier upload in force.
        Assert.True(new SubmissionStamp(LastModified, "2026-10.csv", $"\"{earlierETag}\"").IsNewerThan(new SubmissionStamp(LastModified, "2026-10.csv", $"\"{laterETag}\"").Key));

        var earlier = Listed(earlierETag, "2026-11-03T08:15:42.1000000Z");
        var later = Listed(laterETag, "2026-11-03T08:15:42.9000000Z");
        var earlierStamp = new SubmissionStamp(_times.Of(earlier), earlier.BlobName, earlier.ETag);
        var laterStamp = new SubmissionStamp(_times.Of(later), later.BlobName, later.ETag);

        Assert.Equal(LastModified.AddMilliseconds(100), earlierStamp.ReceivedUtc);
        Assert.Equal(LastModified.AddMilliseconds(900), laterStamp.ReceivedUtc);
        Assert.True(laterStamp.IsNewerThan(earlierStamp.Key));
        Assert.False(earlierStamp.IsNewerThan(laterStamp.Key));
    }

    [Fact]
    public void VersionIdTime_IsKept_OverTheEventsTimeInTheSameSecond()
    {
        var upload = Listed("0x1", "2026-11-03T08:15:42.1234567Z") with { EventTime = LastModified.AddMilliseconds(500) };

        Assert.Equal(LastModified.AddTicks(1_234_567).UtcTicks, _times.Of(upload).UtcTicks);
    }

    [Fact]
    public void WithoutAVersionId_TheEventsTimeInLastModifiedsSecond_IsTaken()
    {
        var upload = Listed("0x1", null) with { EventTime = LastModified.AddMilliseconds(500) };

        Assert.Equal(LastModified.AddMilliseconds(500), _times.Of(upload));
    }
}
