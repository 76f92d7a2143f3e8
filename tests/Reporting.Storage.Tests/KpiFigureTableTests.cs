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
                rows.Add(row.RowKey.Split('|') is [var department, var submission, var kpi] ? $"{department} {submission == Stamp(5).Key} {kpi}" : row.RowKey);
            }
        }

        Assert.Equal(["hr False hires", "sales True reach", "sales True yield"], rows.Order(StringComparer.Ordinal));
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
}
