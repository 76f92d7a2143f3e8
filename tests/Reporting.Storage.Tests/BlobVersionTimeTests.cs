using Azure;
using Azure.Storage.Blobs.Models;
using Reporting.Storage.Blobs;

namespace Reporting.Storage.Tests;

/// <summary>
/// The received time from a blob's version id, the path in Azure where versioning is on (Azurite has none): parsed to
/// 100 ns, taken over Last-Modified's whole second, and carried by a listed or looked-up blob into its upload.
/// </summary>
public sealed class BlobVersionTimeTests
{
    private static readonly DateTimeOffset LastModified = new(2026, 11, 3, 8, 15, 42, TimeSpan.Zero);
    private static readonly DateTimeOffset Precise = LastModified.AddTicks(1_234_567);

    [Fact]
    public void TryParse_VersionId_IsTheServiceTimeTo100Nanoseconds()
    {
        Assert.True(BlobVersionTime.TryParse("2026-11-03T08:15:42.1234567Z", out var received));

        Assert.Equal(Precise.UtcTicks, received.UtcTicks);
        Assert.Equal(TimeSpan.Zero, received.Offset);
    }

    [Theory]
    [InlineData("2026-11-03T08:15:42.1Z", 1_000_000)]
    [InlineData("2026-11-03T08:15:42.0000001Z", 1)]
    [InlineData("2026-11-03T08:15:42Z", 0)]
    public void TryParse_FewerFractionalDigits_ReadsTheSameInstant(string versionId, long ticksIntoTheSecond)
    {
        Assert.True(BlobVersionTime.TryParse(versionId, out var received));
        Assert.Equal(LastModified.AddTicks(ticksIntoTheSecond).UtcTicks, received.UtcTicks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-version")]
    [InlineData("2026-11-03")] // a date alone
    [InlineData("2026-11-03T08:15:42.1234567")] // no Z: not the service's UTC
    [InlineData("2026-11-03T08:15:42.1234567+01:00")]
    [InlineData("2026-11-03 08:15:42.1234567Z")]
    [InlineData("11/03/2026 08:15:42")] // a culture's date
    [InlineData("2026-11-03T08:15:42.12345678Z")] // eight digits: finer than the service's 100 ns
    [InlineData("2026-02-30T08:15:42.1234567Z")] // no such day
    public void TryParse_NotAVersionIdsShape_IsNoTime(string? versionId)
    {
        Assert.False(BlobVersionTime.TryParse(versionId, out _));
    }

    [Fact]
    public void ReceivedUtc_VersionIdInLastModifiedsSecond_IsTheVersionIdsTime()
    {
        Assert.Equal(Precise.UtcTicks, BlobVersionTime.ReceivedUtc(LastModified, "2026-11-03T08:15:42.1234567Z").UtcTicks);
    }

    [Fact]
    public void ReceivedUtc_TwoVersionsInOneSecond_AreOrderedByTheirIds()
    {
        var first = BlobVersionTime.ReceivedUtc(LastModified, "2026-11-03T08:15:42.1234567Z");
        var second = BlobVersionTime.ReceivedUtc(LastModified, "2026-11-03T08:15:42.9000000Z");

        Assert.True(first < second, $"{first:O} is not before {second:O}");
    }

    [Theory]
    [InlineData(null)] // versioning off (Azurite, or an account without it)
    [InlineData("not-a-version")]
    [InlineData("2026-11-03T08:15:43.0000000Z")] // a second or more away: not this version's time
    [InlineData("2026-11-03T08:15:40.9999999Z")]
    public void ReceivedUtc_NoVersionTimeForThisVersion_IsLastModified(string? versionId)
    {
        Assert.Equal(LastModified, BlobVersionTime.ReceivedUtc(LastModified, versionId));
    }

    [Fact]
    public void UploadOf_ListedBlobWithAVersionId_IsReceivedAtTheVersionIdsTime()
    {
        var blob = BlobsModelFactory.BlobItem(
            name: "2026-10.csv",
            properties: BlobsModelFactory.BlobItemProperties(accessTierInferred: false, lastModified: LastModified, eTag: new ETag("0x8DDFA1B2C3D4E5F"), contentLength: 812, blobType: BlobType.Block),
            versionId: "2026-11-03T08:15:42.1234567Z",
            metadata: new Dictionary<string, string> { [SubmissionBlobs.DeclaredReceivedMetadata] = "2026-11-01T10:00:00Z" });

        var upload = SubmissionBlobs.UploadOf("t1-submissions-sales", "sales", blob);

        Assert.Equal(new SubmissionUpload("t1-submissions-sales", "sales", "2026-10.csv", "\"0x8DDFA1B2C3D4E5F\"", 812, Precise, UploadKind.Block)
        {
            DeclaredReceivedUtc = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero),
        }, upload);
        Assert.Equal(Precise.UtcTicks, upload.ReceivedUtc.UtcTicks);
    }

    [Fact]
    public void UploadOf_ListedBlobWithoutAVersionId_IsReceivedAtLastModified()
    {
        var blob = BlobsModelFactory.BlobItem(
            name: "2026-10.csv",
            properties: BlobsModelFactory.BlobItemProperties(accessTierInferred: false, lastModified: LastModified, eTag: new ETag("0x1"), contentLength: 1, blobType: BlobType.Append));

        var upload = SubmissionBlobs.UploadOf("t1-submissions-sales", "sales", blob);

        Assert.Equal((LastModified, UploadKind.Append, (DateTimeOffset?)null), (upload.ReceivedUtc, upload.Kind, upload.DeclaredReceivedUtc));
    }

    [Fact]
    public void UploadOf_LookedUpBlob_IsTheSameVersionAsListed()
    {
        const string versionId = "2026-11-03T08:15:42.1234567Z";
        var listed = SubmissionBlobs.UploadOf("t1-submissions-sales", "sales", BlobsModelFactory.BlobItem(
            name: "2026-10.csv",
            properties: BlobsModelFactory.BlobItemProperties(accessTierInferred: false, lastModified: LastModified, eTag: new ETag("0x8DDFA1B2C3D4E5F"), contentLength: 812, blobType: BlobType.Block),
            versionId: versionId));
        var properties = BlobsModelFactory.BlobProperties(lastModified: LastModified, eTag: new ETag("0x8DDFA1B2C3D4E5F"), contentLength: 812, blobType: BlobType.Block, versionId: versionId);

        var lookedUp = SubmissionUploadLookup.UploadOf("t1-submissions-sales", "sales", "2026-10.csv", properties);

        Assert.Equal(listed, lookedUp);
        Assert.Equal(Precise.UtcTicks, lookedUp.ReceivedUtc.UtcTicks);
    }
}
