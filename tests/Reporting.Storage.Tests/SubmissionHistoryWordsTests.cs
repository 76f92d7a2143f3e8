using Azure.Data.Tables;
using Reporting.Core.Submissions;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

/// <summary>History rows keep the status words they always had: rows written before statuses were types still read.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionHistoryWordsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    public Task InitializeAsync() => _account.EnsureCreatedAsync(["sales"]);

    public Task DisposeAsync() => Task.CompletedTask;

    private TableClient Raw => _account.Table(_account.Options.SubmissionTable);

    // A row as the code before this change wrote it: the status a plain string.
    private Task WriteOldRowAsync(string name, string status) => Raw.UpsertEntityAsync(new TableEntity("sales", $"{name}-v1")
    {
        ["BlobName"] = name, ["BlobETag"] = "\"0x1\"", ["Period"] = "2026-10", ["Checksum"] = "abc",
        ["ReceivedUtc"] = TestClock.Now, ["Status"] = status, ["FigureCount"] = 3, ["ProblemCount"] = 0, ["Problems"] = "",
    });

    [Fact]
    public async Task RowsInTodaysWords_ReadAsTheirStatuses()
    {
        string[] words = ["accepted", "rejected", "poisoned", "superseded", "unchanged"];
        foreach (var word in words)
        {
            await WriteOldRowAsync($"{word}.csv", word);
        }

        var records = await new SubmissionHistoryTable(_account).ListAsync("sales", default);

        Assert.Equal(
            [SubmissionStatus.Accepted, SubmissionStatus.Poisoned, SubmissionStatus.Rejected, SubmissionStatus.Superseded, SubmissionStatus.Unchanged],
            records.OrderBy(r => r.BlobName, StringComparer.Ordinal).Select(r => r.Status));
        Assert.Equal(["accepted.csv"], (await new SubmissionHistoryTable(_account).ListAcceptedAsync("2026-10", default)).Select(r => r.BlobName));
    }

    [Fact]
    public async Task ARecord_IsStoredInItsWord()
    {
        var history = new SubmissionHistoryTable(_account);

        await history.RecordAsync(new SubmissionRecord("sales", "2026-10.csv", "\"0x2\"", "2026-10", "abc", TestClock.Now, SubmissionStatus.Superseded, 3, 0, ""), default);

        var row = Assert.Single(Raw.Query<TableEntity>(e => e.PartitionKey == "sales"));
        Assert.Equal("superseded", row.GetString("Status"));
    }

    [Fact]
    public async Task ARowWithAnUnknownWord_FailsNamingTheWord()
    {
        await WriteOldRowAsync("odd.csv", "approved");

        var error = await Assert.ThrowsAsync<FormatException>(() => new SubmissionHistoryTable(_account).ListAsync("sales", default));

        Assert.Contains("'approved' is not a submission status", error.Message, StringComparison.Ordinal);
    }
}
