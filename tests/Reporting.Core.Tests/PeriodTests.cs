using Reporting.Core.Periods;

namespace Reporting.Core.Tests;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData(" 2026-01 ", 2026, 1)]
    [InlineData("1999-12", 1999, 12)]
    public void TryParse_ValidText_ReadsYearAndMonth(string text, int year, int month)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(year, month), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026/10")]
    [InlineData("26-10")]
    [InlineData("2026-1")]
    [InlineData("Oct 2026")]
    [InlineData("+026-10")]
    public void TryParse_MalformedText_Fails(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void AddMonths_AcrossYearBoundaries_Wraps()
    {
        Assert.Equal(new Period(2026, 1), new Period(2025, 12).Next());
        Assert.Equal(new Period(2025, 12), new Period(2026, 1).Previous());
        Assert.Equal(new Period(2025, 11), new Period(2026, 10).AddMonths(-11));
    }

    [Fact]
    public void ToString_IsYearDashMonth() => Assert.Equal("2026-03", new Period(2026, 3).ToString());
}
