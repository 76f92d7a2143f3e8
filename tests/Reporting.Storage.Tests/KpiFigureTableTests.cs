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

    [Fact]
    public async Task ReplaceAsync_Resubmission_ReplacesTheDepartmentsFiguresForThatPeriodOnly()
    {
        await Table.ReplaceAsync("sales", October, [Figure("sales", "reach", 1), Figure("sales", "yield", 2)], "first", default);
        await Table.ReplaceAsync("hr", October, [Figure("hr", "hires", 3)], "hr", default);
        await Table.ReplaceAsync("sales", October.Previous(), [Figure("sales", "reach", 9, October.Previous())], "september", default);

        await Table.ReplaceAsync("sales", October, [Figure("sales", "reach", 10)], "second", default);

        var stored = await Table.LoadAsync(October.Previous(), October, default);
        Assert.Equal(
            ["2026-09 sales reach 9", "2026-10 hr hires 3", "2026-10 sales reach 10"],
            stored.Select(f => $"{f.Period} {f.DepartmentId} {f.KpiId} {f.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplaceAsync_SameFiguresTwice_StoresThemOnce()
    {
        var figures = Enumerable.Range(0, 150).Select(i => Figure("sales", $"kpi-{i:000}", i)).ToList();

        await Table.ReplaceAsync("sales", October, figures, "a", default);
        await Table.ReplaceAsync("sales", October, figures, "a", default);

        Assert.Equal(150, (await Table.LoadAsync(October, October, default)).Count);
    }

    [Fact]
    public async Task LoadAsync_RangeOfPeriods_ReturnsOnlyThoseMonths()
    {
        foreach (var months in new[] { -13, -11, 0, 1 })
        {
            var period = October.AddMonths(months);
            await Table.ReplaceAsync("sales", period, [Figure("sales", "reach", months, period)], "x", default);
        }

        var loaded = await Table.LoadAsync(October.AddMonths(-11), October, default);

        Assert.Equal([-11.0, 0.0], loaded.Select(f => f.Value).Order());
    }

    [Fact]
    public async Task LoadAsync_ReturnsEveryFigureAsStored_MonthByMonthInKeyOrder()
    {
        var september = October.Previous();
        await Table.ReplaceAsync("sales", October, [new("sales", October, "yield", 2.5, "estimate, see note"), new("sales", October, "reach", 7, null)], "s", default);
        await Table.ReplaceAsync("hr", October, [new("hr", October, "hires", -3, "")], "h", default);
        await Table.ReplaceAsync("sales", september, [new("sales", september, "reach", 1e-9, "tiny")], "s9", default);

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
