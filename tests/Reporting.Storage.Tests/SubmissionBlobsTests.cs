using System.Text;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SubmissionBlobsTests(AzuriteFixture azurite)
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task ListUploadsAsync_ManyUploadsInSeveralContainers_ListsAllAcrossPagesButNotAnswersOrTheReservedFolder()
    {
        var blobs = new SubmissionBlobs(_account);
        for (var i = 0; i < 620; i++)
        {
            await blobs.UploadAsync("sales", $"backfill/{i:0000}.csv", Text("x"), default);
        }

        await blobs.UploadAsync("hr", "2026-10.csv", Text("x"), default);
        await blobs.WriteResultAsync(new SubmissionUpload(_account.SubmissionContainer("hr").Name, "hr", "2026-10.csv", "\"e\"", 1), "ok", [], "{}", default);
        await blobs.UploadAsync("hr", "results/2026-09.csv.json", Text("an answer from before answers had their own container"), default);

        var uploads = new List<SubmissionUpload>();
        await foreach (var upload in blobs.ListUploadsAsync(default))
        {
            uploads.Add(upload);
        }

        Assert.Equal(621, uploads.Count);
        Assert.DoesNotContain(uploads, u => u.BlobName.StartsWith("results/", StringComparison.Ordinal));
        Assert.Equal(["hr", "sales"], uploads.Select(u => u.Department).Distinct().Order());
    }

    [Fact]
    public async Task OpenReadAsync_BlobReplacedAfterListing_SaysTheVersionIsGone()
    {
        var blobs = new SubmissionBlobs(_account);
        await blobs.UploadAsync("sales", "2026-10.csv", Text("first"), default);
        var listed = await FirstAsync(blobs);
        await blobs.UploadAsync("sales", "2026-10.csv", Text("second"), default);

        await Assert.ThrowsAsync<BlobVersionGoneException>(() => blobs.OpenReadAsync(listed, default));
    }

    [Fact]
    public async Task WriteResultAsync_PutsTheAnswersUnderTheUploadsNameInTheAnswerContainer()
    {
        var blobs = new SubmissionBlobs(_account);
        await blobs.UploadAsync("sales", "drafts/März 2026.csv", Text("x"), default);
        var upload = await FirstAsync(blobs);

        await blobs.WriteResultAsync(upload, "Accepted", "sheet"u8.ToArray(), "{\"status\":\"accepted\"}", default);

        Assert.Equal("{\"status\":\"accepted\"}", await blobs.ReadResultJsonAsync("sales", "drafts/März 2026.csv", default));
        Assert.Null(await blobs.ReadResultJsonAsync("sales", "2026-09.csv", default));
        var answers = new List<string>();
        await foreach (var item in _account.AnswerContainer("sales").GetBlobsAsync())
        {
            answers.Add(item.Name);
        }

        Assert.Equal(["drafts/März 2026.csv.json", "drafts/März 2026.csv.problems.csv", "drafts/März 2026.csv.txt"], answers.Order(StringComparer.Ordinal));
        Assert.False(await _account.SubmissionContainer("sales").GetBlobClient("drafts/März 2026.csv.json").ExistsAsync());
    }

    [Fact]
    public async Task WriteResultAsync_AnswerContainerMissing_MakesItOnce()
    {
        var blobs = new SubmissionBlobs(_account);
        await blobs.UploadAsync("pr", "2026-10.csv", Text("x"), default);
        var upload = new SubmissionUpload(_account.SubmissionContainer("pr").Name, "pr", "2026-10.csv", "\"e\"", 1);

        await blobs.WriteResultAsync(upload, "Accepted", [], "{}", default);

        Assert.Equal("{}", await blobs.ReadResultJsonAsync("pr", "2026-10.csv", default));
    }

    private static async Task<SubmissionUpload> FirstAsync(SubmissionBlobs blobs)
    {
        await foreach (var upload in blobs.ListUploadsAsync(default))
        {
            return upload;
        }

        throw new InvalidOperationException("nothing listed");
    }
}
