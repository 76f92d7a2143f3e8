using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

/// <summary>The CSV that German, French and English Excel write, read as it is; numbers that could mean two things refused.</summary>
public sealed class CsvDialectTests
{
    private static readonly SubmissionRules November2026 = new() { CurrentPeriod = new Period(2026, 11) };

    private static SubmissionResult Read(byte[] content) => new SubmissionReader(November2026).Read(new MemoryStream(content), TestStrategy.Sales, "2026-10.csv");

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Read_GermanExcelCsv_SemicolonsAndDecimalCommas_AreAccepted()
    {
        var text = "period;kpi;value;comment\r\n2026-10;yield;81,5;Herbstaktion, sehr gut\r\n2026-10;reach;1.234,0;\r\n2026-10;churn-rate;2,5 %;\r\n";

        var result = Read(Encoding.UTF8.GetBytes(text));

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal([("yield", 81.5), ("reach", 1234.0), ("churn-rate", 2.5)], result.Figures.Select(f => (f.KpiId, f.Value)));
        Assert.Equal("Herbstaktion, sehr gut", result.Figures[0].Comment);
        Assert.Equal("the file is separated by semicolons, so numbers were read with ',' as the decimal mark (as German and French Excel write them)", Assert.Single(result.Notes));
    }

    [Fact]
    public void Read_FrenchExcelCsv_InWindows1252WithNoBreakSpaceThousands_IsAcceptedAndSaysTheEncoding()
    {
        var text = "period;kpi;value;comment\r\n2026-10;reach;1\u00A0234;Très bien, équipe élargie\r\n2026-10;yield;80,25;\r\n";

        var result = Read(Windows1252.GetBytes(text));

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal([1234.0, 80.25], result.Figures.Select(f => f.Value));
        Assert.Equal("Très bien, équipe élargie", result.Figures[0].Comment);
        Assert.Equal("the file is not UTF-8, so it was read as Windows-1252 (Western European), what Excel's plain \"CSV\" writes; if a letter looks wrong in the answer, save the sheet as \"CSV UTF-8\" instead", result.Notes[0]);
    }

    [Fact]
    public void Read_ExcelUnicodeText_Utf16WithTabs_IsAccepted()
    {
        var text = "period\tkpi\tvalue\tcomment\r\n2026-10\treach\t1200\tZoë’s team\r\n2026-10\tyield\t81,5\t\r\n";

        var result = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal([1200.0, 81.5], result.Figures.Select(f => f.Value));
        Assert.Equal("Zoë’s team", result.Figures[0].Comment);
        Assert.Empty(result.Notes);
    }

    [Theory]
    [InlineData("comma file, quoted 1,234", "period,kpi,value\n2026-10,reach,\"1,234\"\n",
        "line 2, column 3 (value): '1,234' uses a comma, which could be a thousands separator or a decimal comma; write digits with a '.' for decimals and no separators, for example 1234.5")]
    [InlineData("semicolon file, 1.234", "period;kpi;value\n2026-10;reach;1.234\n",
        "line 2, column 3 (value): '1.234' could have a '.' separating thousands or a decimal point; in a file separated by semicolons write the figure without thousands separators and with ',' for decimals, for example 1234 or 1,234")]
    [InlineData("tab file, 1,234", "period\tkpi\tvalue\n2026-10\treach\t1,234\n",
        "line 2, column 3 (value): '1,234' could have a comma separating thousands or a decimal comma; write the figure without thousands separators, for example 1234 or 1.234")]
    [InlineData("comma file, quoted decimal comma", "period,kpi,value\n2026-10,yield,\"86,5\"\n",
        "line 2, column 3 (value): '86,5' uses a comma, which could be a thousands separator or a decimal comma; write digits with a '.' for decimals and no separators, for example 1234.5")]
    [InlineData("semicolon file, badly grouped", "period;kpi;value\n2026-10;reach;1.23.4\n",
        "line 2, column 3 (value): '1.23.4' is not a number; write digits with a ',' for decimals, for example 1234,5")]
    [InlineData("semicolon file, two decimal commas", "period;kpi;value\n2026-10;reach;1,2,3\n",
        "line 2, column 3 (value): '1,2,3' is not a number; write digits with a ',' for decimals, for example 1234,5")]
    public void Read_AmbiguousOrMalformedNumber_IsAProblemNotAGuess(string variant, string text, string expected)
    {
        var result = Read(Encoding.UTF8.GetBytes(text));

        Assert.False(result.IsAccepted, variant);
        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("0", ',', 0)]
    [InlineData("12.5", ';', 12.5)]
    [InlineData("1,5", '\t', 1.5)]
    [InlineData("0,123", ';', 0.123)]
    [InlineData("1,234", ';', 1.234)]
    [InlineData("1.234.567", ';', 1234567)]
    [InlineData("1,234,567", ',', 1234567)]
    [InlineData("1,234.5", ',', 1234.5)]
    [InlineData("1.234,5", ';', 1234.5)]
    [InlineData("1 234,5", ';', 1234.5)]
    [InlineData("1\u202F234", '\t', 1234)]
    [InlineData("8.1e1", ',', 81)]
    public void Read_UnambiguousNumber_IsRead(string value, char delimiter, double expected)
    {
        var text = $"period{delimiter}kpi{delimiter}value\n2026-10{delimiter}reach{delimiter}\"{value}\"\n";

        var result = Read(Encoding.UTF8.GetBytes(text));

        Assert.True(result.IsAccepted, $"{value}: {string.Join("; ", result.Problems)}");
        Assert.Equal(expected, result.Figures.Single().Value, 9);
    }

    [Fact]
    public void Read_NeitherUtf8NorWindows1252_IsBinary()
    {
        var bytes = Encoding.ASCII.GetBytes("period,kpi,value\n2026-10,reach,1\n").Append((byte)0x81).ToArray();

        Assert.StartsWith("file: this is not a text CSV file (it contains binary data)", Assert.Single(Read(bytes).Problems).ToString());
    }
}
