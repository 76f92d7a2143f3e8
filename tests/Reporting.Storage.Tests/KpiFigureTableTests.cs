using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class KpiFigureTableTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Period October = new(2026, 10);
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private KpiFigureTable Table => new(_account);

    public Task InitializeAsync() => _account.EnsureCreatedAsync(["sales", "hr"]);

    public Task DisposeAsync() => Task.CompletedTask;

    private static KpiFigure Figure(string department, string kpi, double value, Period? period = null) =>
        new(department, period ?? October, kpi, value, null);

    // Uploads received by storage at 09:00 + minutes on 3 November.
    private static SubmissionStamp Stamp(int minutes, string name = "2026-10.csv") =>
        new(TestClock.Now.AddDays(-7).AddMinutes(minutes), name, $"\"0x{minutes:X}\"");

    // As the ingestion does it: publish, then (after the answer) remove what the swap made unreachable.
    private async Task<FigureSwap> PublishAsync(string department, Period period, SubmissionStamp stamp, IReadOnlyList<KpiFigure> figures, Func<CancellationToken, Task>? beforeSwap = null)
    {
        var swap = await Table.PublishAsync(department, period, stamp, figures, beforeSwap, default);
        if (await Table.InForceAsync(department, period, default) is { } inForce)
        {
            await Table.RemoveSupersededAsync(inForce, default);
        }

        return swap;
    }

    private async Task<List<string>> StoredAsync(Period first, Period last) =>
        (await Table.LoadAsync(first, last, default)).Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Period} {f.DepartmentId} {f.KpiId} {f.Value}")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Publish_NewerSubmission_ReplacesTheDepartmentsFiguresForThatPeriodOnly()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 2)]);
        await PublishAsync("hr", October, Stamp(2), [Figure("hr", "hires", 3)]);
        await PublishAsync("sales", October.Previous(), Stamp(3), [Figure("sales", "reach", 9, October.Previous())]);

        Assert.Equal(FigureSwap.InForce, await PublishAsync("sales", October, Stamp(4), [Figure("sales", "reach", 10)]));

        Assert.Equal(["2026-09 sales reach 9", "2026-10 hr hires 3", "2026-10 sales reach 10"], await StoredAsync(October.Previous(), October));
    }

    [Fact]
    public async Task Publish_NewerSubmission_RemovesTheOlderSubmissionsRows_KeepsItsOwnAndOtherDepartments()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 2)]);
        await PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 3)]);
        await PublishAsync("hr", October, Stamp(3), [Figure("hr", "hires", 4)]);

        await PublishAsync("sales", October, Stamp(5), [Figure("sales", "reach", 5), Figure("sales", "yield", 6)]);

        var rows = new List<string>();
        await foreach (var row in _account.Table(_account.Options.FigureTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "2026-10"))
        {
            if (!row.RowKey.StartsWith('~'))
            {
                rows.Add(row.RowKey.Split('|') is [var department, var submission, var chunk] ? $"{department} {submission == Stamp(5).Key} {chunk} {row.GetInt32("FigureCount")}" : row.RowKey);
            }
        }

        Assert.Equal(["hr False @00000 1", "sales True @00000 2"], rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_OlderSubmissionProcessedLast_IsSuperseded_AndTheNewerStays()
    {
        Assert.Equal(FigureSwap.InForce, await PublishAsync("sales", October, Stamp(20, "2026-10 corrected.csv"), [Figure("sales", "reach", 2222)]));

        Assert.Equal(FigureSwap.Superseded, await PublishAsync("sales", October, Stamp(10), [Figure("sales", "reach", 1111), Figure("sales", "yield", 5)]));

        Assert.Equal(["2026-10 sales reach 2222"], await StoredAsync(October, October));
        Assert.Equal("2026-10 corrected.csv", (await Table.InForceAsync("sales", October, default))!.BlobName);
    }

    [Fact]
    public async Task Publish_SameSubmissionTwice_StoresItOnce()
    {
        var figures = Enumerable.Range(0, 150).Select(i => Figure("sales", $"kpi-{i:000}", i)).ToList();

        Assert.Equal(FigureSwap.InForce, await PublishAsync("sales", October, Stamp(1), figures));
        Assert.Equal(FigureSwap.AlreadyInForce, await PublishAsync("sales", October, Stamp(1), figures));

        Assert.Equal(150, (await Table.LoadAsync(October, October, default)).Count);
    }

    [Fact]
    public async Task Publish_OlderOvertakenMidFlightByNewer_NeverMixesThem()
    {
        // v1 has written its rows and is about to swap when v2 arrives and finishes; then v1 tries to swap.
        var v1 = PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 1)],
            async _ => await PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 2), Figure("sales", "churn", 2)]));

        Assert.Equal(FigureSwap.Superseded, await v1);
        Assert.Equal(["2026-10 sales churn 2", "2026-10 sales reach 2"], await StoredAsync(October, October));
    }

    [Fact]
    public async Task Publish_OlderSwapsInWhileANewerWaitsAtItsFence_TheNewersRowsSurviveTheCleanUp()
    {
        // v2 (newer) has written its rows; before it swaps, v1 (older) is published whole and cleans up after itself.
        var v2 = PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 2)],
            async _ => await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1)]));

        Assert.Equal(FigureSwap.InForce, await v2);
        Assert.Equal(["2026-10 sales reach 2"], await StoredAsync(October, October));
    }

    [Fact]
    public async Task Load_WhileASubmissionIsBeingStored_SeesTheOldOneWhole_ThenTheNewOneWhole()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 1)]);
        List<string>? midway = null;

        await PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 2), Figure("sales", "churn", 2)],
            async _ => midway = await StoredAsync(October, October));

        Assert.Equal(["2026-10 sales reach 1", "2026-10 sales yield 1"], midway);
        Assert.Equal(["2026-10 sales churn 2", "2026-10 sales reach 2"], await StoredAsync(October, October));
    }

    [Fact]
    public async Task Publish_FenceRefuses_NothingBecomesVisible()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 2)], _ => throw new InvalidOperationException("claim lost")));

        Assert.Equal(["2026-10 sales reach 1"], await StoredAsync(October, October));
    }

    [Fact]
    public async Task LoadAsync_RangeOfPeriods_ReturnsOnlyThoseMonths()
    {
        foreach (var months in new[] { -13, -11, 0, 1 })
        {
            var period = October.AddMonths(months);
            await PublishAsync("sales", period, Stamp(months + 20), [Figure("sales", "reach", months, period)]);
        }

        var loaded = await Table.LoadAsync(October.AddMonths(-11), October, default);

        Assert.Equal([-11.0, 0.0], loaded.Select(f => f.Value).Order());
    }

    [Fact]
    public async Task LoadAsync_ReturnsEveryFigureAsStored_MonthByMonthInKeyOrder()
    {
        var september = October.Previous();
        await PublishAsync("sales", October, Stamp(1), [new("sales", October, "yield", 2.5, "estimate, see note"), new("sales", October, "reach", 7, null)]);
        await PublishAsync("hr", October, Stamp(2), [new("hr", October, "hires", -3, "")]);
        await PublishAsync("sales", september, Stamp(3), [new("sales", september, "reach", 1e-9, "tiny")]);

        var loaded = await Table.LoadAsync(september, October, default);

        Assert.Equal(
            [
                new KpiFigure("sales", september, "reach", 1e-9, "tiny"),
                new KpiFigure("hr", October, "hires", -3, ""),
                new KpiFigure("sales", October, "reach", 7, null),
                new KpiFigure("sales", October, "yield", 2.5, "estimate, see note"),
            ],
            loaded);
    }

    private Azure.Data.Tables.TableClient Raw => _account.Table(_account.Options.FigureTable);

    private async Task<List<Azure.Data.Tables.TableEntity>> RawChunksAsync(string department)
    {
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in Raw.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "2026-10"))
        {
            if (row.RowKey.StartsWith(department + "|", StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Theory]
    [InlineData("backslashes")]
    [InlineData("non-ASCII")]
    public async Task Publish_LargeSubmission_IsStoredInSeveralChunksWithinAzuresLimits_AndReadsBackWhole(string worstCase)
    {
        // 3,000 figures with 1,500-character comments (quotes, commas, line ends, tabs, accents, emoji, CJK): millions of
        // characters, far more than one 64 KiB property and than one 4 MiB batch. The Azure-rules policy (on in every
        // test) fails the test if a property, an entity or a batch breaks Azure's limits. The worst cases for a batch's
        // size: a backslash is escaped in the stored text and again in the request (one character, four bytes), and a CJK
        // character is three bytes of UTF-8 in the request.
        var filler = worstCase == "backslashes" ? new string('\\', 40) : "漢字のコメントです。" + new string('é', 30);
        var comment = string.Concat(Enumerable.Repeat(filler + " Q3 \"estimate\", see note;\n\tété 🚀 ", 40))[..1500];
        var values = new[] { 0, -0.0, 1e-300, -1.7976931348623157e308, 0.1 + 0.2, 123456789.123456789, -42.5, double.Epsilon };
        var figures = Enumerable.Range(0, 3000)
            .Select(i => new KpiFigure("sales", October, $"kpi-{i:0000}", values[i % values.Length] + i, i % 7 == 0 ? null : comment + i))
            .ToList();

        await PublishAsync("sales", October, Stamp(1), figures);

        var chunks = await RawChunksAsync("sales");
        Assert.InRange(chunks.Count, 101, 1000);
        Assert.All(chunks, chunk => Assert.InRange(chunk.GetString("Figures").Length * sizeof(char), 1, 64 * 1024));
        Assert.Equal(3000, chunks.Sum(chunk => chunk.GetInt32("FigureCount")));
        Assert.Equal(figures, await Table.LoadAsync(October, October, default));
        Assert.Equal(figures, await Table.LoadDepartmentAsync("sales", October, October, default));
    }

    [Fact]
    public async Task Publish_FiguresInAnyOrder_AreStoredAndLoadedInKpiOrder()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "yield", 2), Figure("sales", "Reach", 1), Figure("sales", "churn", 3)]);

        Assert.Equal(["Reach", "churn", "yield"], (await Table.LoadAsync(October, October, default)).Select(f => f.KpiId));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("")]
    public async Task Publish_StoresTheSameTextWhateverTheMachinesCulture(string culture)
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            await PublishAsync("sales", October, Stamp(1), [new("sales", October, "yield", 2.5, "İstanbul ı"), Figure("sales", "reach", -1234567.125)]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }

        Assert.Equal("""[["reach",-1234567.125,null],["yield",2.5,"İstanbul ı"]]""", Assert.Single(await RawChunksAsync("sales")).GetString("Figures"));
        Assert.Equal([Figure("sales", "reach", -1234567.125), new("sales", October, "yield", 2.5, "İstanbul ı")], await Table.LoadAsync(October, October, default));
    }

    [Fact]
    public async Task Load_RowsOfOneFigureEach_WrittenBeforeChunks_AreStillRead_UntilANewerSubmissionReplacesThem()
    {
        // As the storage layer wrote figures before they were stored in chunks: one entity per figure, then the pointer.
        var old = Stamp(1);
        foreach (var (kpi, value, comment) in new[] { ("reach", 10.0, (string?)null), ("yield", 2.5, "estimate") })
        {
            await Raw.AddEntityAsync(new Azure.Data.Tables.TableEntity("2026-10", $"sales|{old.Key}|{kpi}")
            {
                ["Department"] = "sales", ["Kpi"] = kpi, ["Value"] = value, ["Comment"] = comment, ["SubmissionId"] = old.Key,
            });
        }

        await Raw.AddEntityAsync(new FigurePointerEntity
        {
            PartitionKey = "2026-10", RowKey = FigurePointerEntity.RowKeyFor("sales"), Department = "sales",
            SubmissionKey = old.Key, BlobName = old.BlobName, ReceivedUtc = old.ReceivedUtc, FigureCount = 2,
        });

        KpiFigure[] expected = [Figure("sales", "reach", 10), new("sales", October, "yield", 2.5, "estimate")];
        Assert.Equal(expected, await Table.LoadAsync(October, October, default));
        Assert.Equal(expected, await Table.LoadDepartmentAsync("sales", October, October, default));

        await PublishAsync("sales", October, Stamp(2), [Figure("sales", "reach", 11)]);

        Assert.Equal([Figure("sales", "reach", 11)], await Table.LoadAsync(October, October, default));
        Assert.Equal([$"sales|{Stamp(2).Key}|@00000"], (await RawChunksAsync("sales")).Select(row => row.RowKey));
    }

    [Fact]
    public async Task Load_ChunkThatIsNotValid_FailsNamingTheDepartmentAndMonth_NeverReturnsPartOfIt()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 2)]);
        var chunk = Assert.Single(await RawChunksAsync("sales"));
        chunk["Figures"] = """[["reach",1,null],["yield","two",null]]""";
        await Raw.UpdateEntityAsync(chunk, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Table.LoadAsync(October, October, default));

        Assert.Contains("sales for 2026-10", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected Number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AChunkMissing_FailsSayingWhichFiguresAreIncomplete_NeverReturnsTheRest()
    {
        var figures = Enumerable.Range(0, 2000).Select(i => new KpiFigure("sales", October, $"kpi-{i:0000}", i, new string('c', 100))).ToList();
        await PublishAsync("sales", October, Stamp(1), figures);
        await PublishAsync("hr", October, Stamp(2), [Figure("hr", "hires", 3)]);
        var chunks = await RawChunksAsync("sales");
        Assert.True(chunks.Count > 1);
        await Raw.DeleteEntityAsync(chunks[^1]);

        var all = await Assert.ThrowsAsync<InvalidDataException>(() => Table.LoadAsync(October, October, default));
        var one = await Assert.ThrowsAsync<InvalidDataException>(() => Table.LoadDepartmentAsync("sales", October, October, default));

        var missing = chunks[^1].GetInt32("FigureCount");
        foreach (var error in new[] { all, one })
        {
            Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the stored figures of sales for 2026-10 are incomplete: {2000 - missing:N0} of the 2,000 figures of 2026-10.csv were found; upload the file again (or a corrected one) to store it whole"), error.Message);
        }

        Assert.Equal([Figure("hr", "hires", 3)], await Table.LoadDepartmentAsync("hr", October, October, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Load_NewerSubmissionInForceAndOlderRowsRemoved_BetweenPointersAndRows_ReadsTheMonthAgain(bool wholeMonth)
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 1)]);
        await PublishAsync("hr", October, Stamp(2), [Figure("hr", "hires", 3)]);
        var reads = 0;
        // The load has read the pointers (sales: Stamp(1)); before it reads the rows, a newer file is put in force and the
        // older rows are removed, as the ingestion does after its answer.
        var loading = new KpiFigureTable(_account, async _ =>
        {
            if (reads++ == 0)
            {
                await PublishAsync("sales", October, Stamp(3), [Figure("sales", "reach", 2), Figure("sales", "churn", 2)]);
            }
        });

        var loaded = wholeMonth ? await loading.LoadAsync(October, October, default) : await loading.LoadDepartmentAsync("sales", October, October, default);

        Assert.Equal(2, reads);
        KpiFigure[] sales = [Figure("sales", "churn", 2), Figure("sales", "reach", 2)];
        Assert.Equal(wholeMonth ? [Figure("hr", "hires", 3), .. sales] : sales, loaded);
    }

    [Fact]
    public async Task Publish_SameUploadAgainWithFewerFigures_AfterAnAttemptThatStoppedBeforeItsSwap_LeavesNoChunkOfTheFirstAttempt()
    {
        // The first attempt cut 2,000 long-commented figures into several chunks, then lost its claim before the swap; the
        // retry of the same upload (the same stamp) read fewer figures from it, the strategy having changed meanwhile.
        var many = Enumerable.Range(0, 2000).Select(i => new KpiFigure("sales", October, $"kpi-{i:0000}", i, new string('c', 100))).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Table.PublishAsync("sales", October, Stamp(1), many, _ => throw new InvalidOperationException("claim lost"), default));
        Assert.True((await RawChunksAsync("sales")).Count > 1);

        Assert.Equal(FigureSwap.InForce, await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 7)]));

        Assert.Equal([Figure("sales", "reach", 7)], await Table.LoadAsync(October, October, default));
        Assert.Equal([$"sales|{Stamp(1).Key}|@00000"], (await RawChunksAsync("sales")).Select(row => row.RowKey));
    }

    [Fact]
    public async Task Load_MoreFiguresThanTheSubmissionStored_FailsSayingTheyDoNotAddUp()
    {
        await PublishAsync("sales", October, Stamp(1), [Figure("sales", "reach", 1), Figure("sales", "yield", 2)]);
        var chunk = Assert.Single(await RawChunksAsync("sales"));
        chunk.RowKey = FigureChunkEntity.RowKeyFor("sales", Stamp(1).Key, 7); // a copy under the same submission, by hand
        await Raw.AddEntityAsync(chunk);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Table.LoadAsync(October, October, default));

        Assert.Equal("the stored figures of sales for 2026-10 do not add up: 4 were found where 2 figures of 2026-10.csv were stored; upload the file again (or a corrected one) to store it anew", error.Message);
    }
}
