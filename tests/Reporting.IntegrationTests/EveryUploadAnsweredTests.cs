using Azure.Storage.Blobs.Specialized;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>Every upload gets an answer beside it and a history row: any kind of blob, files in folders, names in any script.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EveryUploadAnsweredTests(AzuriteFixture azurite)
{
    private static readonly Period September = new(2026, 9);

    private static string Csv(double newCustomers) =>
        new SubmissionCsvBuilder("2026-09").WithRow("new-customers", newCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture)).BuildText();

    [Fact]
    public async Task AppendBlob_IsAnsweredWithTheReason()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var append = pipeline.Account.SubmissionContainer("sales").GetAppendBlobClient("2026-09.csv");
        await append.CreateAsync();
        await append.AppendBlockAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv(1111))));
        var listed = await pipeline.ListedAsync("sales", "2026-09.csv");

        await pipeline.Ingestion.IngestAsync(listed, default);

        var answer = await pipeline.AnswerAsync("sales", "2026-09.csv");
        Assert.Equal("rejected", answer.GetProperty("status").GetString());
        Assert.Contains("append blob", answer.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileInAFolder_IsAnsweredAndNotStoredAsThatMonth()
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));
        var draft = await pipeline.UploadAsync("sales", "drafts/2026-09-source.csv", Csv(1111));

        await pipeline.Ingestion.IngestAsync(draft, default);

        var answer = await pipeline.AnswerAsync("sales", "drafts/2026-09-source.csv");
        Assert.Equal("rejected", answer.GetProperty("status").GetString());
        Assert.Contains("files in folders are not read", answer.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await pipeline.Figures.LoadAsync(September, September, default));
    }

    [Theory]
    [InlineData("März 2026-09.csv")]
    [InlineData("2026-09 – corrected.csv")]
    [InlineData("Ventes (septembre) 2026-09, v2.csv")]
    public async Task NameInAnyScriptWithCommonPunctuation_IsAccepted_AndAnsweredBesideIt(string name)
    {
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite));

        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", name, Csv(1111)), default);

        Assert.Equal("accepted", (await pipeline.AnswerAsync("sales", name)).GetProperty("status").GetString());
        var text = (await pipeline.Account.AnswerContainer("sales").GetBlobClient($"{name}.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith($"Accepted: {name}", text, StringComparison.Ordinal);
    }
}
