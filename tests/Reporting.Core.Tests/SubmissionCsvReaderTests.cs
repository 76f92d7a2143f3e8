using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

public sealed class SubmissionCsvReaderTests
{
    // Uploads are checked as of November 2026: October is the latest complete month.
    private static readonly SubmissionRules November2026 = new() { CurrentPeriod = new Period(2026, 11) };

    private static SubmissionResult Read(byte[] content, SubmissionRules? rules = null) =>
        new SubmissionCsvReader(rules ?? November2026).Read(new MemoryStream(content), TestStrategy.Sales);

    private static SubmissionResult Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Problems_WithACellsValue_CarryTheValueAsWritten_CutWhenLong()
    {
        var longComment = new string('x', 5000);
        var result = Read($"period,kpi,value,comment\n2026-10,reach, lots ,\n2026-10,reech,5,\n2026-10,yield,81.5,{longComment}\n");

        Assert.Equal("lots", Assert.Single(result.Problems, p => p.Line == 2).Value);
        Assert.Equal("reech", Assert.Single(result.Problems, p => p.Line == 3).Value);
        var comment = Assert.Single(result.Problems, p => p.Line == 4).Value!;
        Assert.Equal(SubmissionProblem.MaxValueLength, comment.Length);
        Assert.EndsWith("…", comment, StringComparison.Ordinal);
        Assert.Null(SubmissionProblem.ForFile("empty").Value);
    }

    public static TheoryData<string, string, int> AcceptedFiles => new()
    {
        { "plain LF", "period,kpi,value,comment\n2026-10,reach,1200,\n2026-10,yield,81.5,\n", 2 },
        { "CRLF", "period,kpi,value,comment\r\n2026-10,reach,1200,\r\n", 1 },
        { "no comment column", "period,kpi,value\n2026-10,reach,1200\n", 1 },
        { "header in capitals with spaces", " Period , KPI ,Value, Comment \n2026-10,reach,1200,ok\n", 1 },
        { "semicolon delimiter", "period;kpi;value;comment\n2026-10;reach;1200;fine, really\n", 1 },
        { "quoted comment with delimiter, quotes and a line break", "period,kpi,value,comment\n2026-10,reach,1200,\"Campaign \"\"A\"\", ran\nall month\"\n2026-10,yield,80,\n", 2 },
        { "blank trailing lines", "period,kpi,value,comment\n2026-10,reach,1200,\n\n\n", 1 },
        { "surrounding spaces", "period,kpi,value,comment\n 2026-10 , reach , 1200 , note \n", 1 },
        { "percent suffix on a percent KPI", "period,kpi,value,comment\n2026-10,churn-rate,2.5%,\n", 1 },
        { "percent suffix after a space", "period,kpi,value,comment\n2026-10,churn-rate,2.5 %,\n", 1 },
        { "negative and exponent numbers", "period,kpi,value,comment\n2026-10,yield,8.1e1,\n", 1 },
        { "department column matching", "period,department,kpi,value\n2026-10,sales,reach,1200\n", 1 },
        { "unit column matching", "period,kpi,value,unit\n2026-10,reach,1200,count\n", 1 },
        { "KPI id in another case", "period,kpi,value\n2026-10,REACH,1200\n", 1 },
        { "unit column naming the currency code", "period,kpi,value,unit\n2026-10,yield,81.5,EUR\n", 1 },
        { "unit column naming the kind", "period,kpi,value,unit\n2026-10,yield,81.5,currency\n", 1 },
        { "inputs of a derived KPI", "period,kpi,value\n2026-10,own-mentions,900\n2026-10,competitor-mentions,2100\n", 2 },
        { "milestone done and not done", "period,kpi,value\n2026-10,launch,1\n", 1 },
        { "tab-free quoted header", "\"period\",\"kpi\",\"value\"\n\"2026-10\",\"reach\",\"1200\"\n", 1 },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Read_AcceptableFile_IsAccepted(string variant, string text, int figures)
    {
        var result = Read(text);
        Assert.True(result.IsAccepted, $"{variant}: {string.Join("; ", result.Problems)}");
        Assert.Equal(figures, result.Figures.Count);
        Assert.Equal(new Period(2026, 10), result.Period);
    }

    public static TheoryData<string, string, string[]> RejectedFiles => new()
    {
        { "unknown KPI with suggestion", "period,kpi,value\n2026-10,reech,5\n",
            ["line 2, column 2 (kpi): 'reech' is not a KPI of Sales; did you mean 'reach'? its KPIs are reach, churn-rate, yield, own-mentions, competitor-mentions, launch"] },
        { "non-numeric value", "period,kpi,value\n2026-10,reach,lots\n",
            ["line 2, column 3 (value): 'lots' is not a number; write digits with a '.' for decimals, for example 1234.5"] },
        { "thousands separator", "period,kpi,value\n2026-10,reach,\"1,200\"\n",
            ["line 2, column 3 (value): '1,200' uses a comma, which could be a thousands separator or a decimal comma; write digits with a '.' for decimals and no separators, for example 1234.5"] },
        { "unquoted thousands separator splits the line", "period,kpi,value,comment\n2026-10,reach,1,200,\n",
            ["line 2, column 5 ((none)): this line has 5 fields but the header has 4; a value that contains the delimiter must be in double quotes"] },
        { "semicolons, and a '.' that could separate thousands", "period;kpi;value\n2026-10;reach;1.234\n",
            ["line 2, column 3 (value): '1.234' could have a '.' separating thousands or a decimal point; in a file separated by semicolons write the figure without thousands separators and with ',' for decimals, for example 1234 or 1,234"] },
        { "empty value", "period,kpi,value\n2026-10,reach,\n",
            ["line 2, column 3 (value): the value is empty; write the figure, for example 42 or 17.5"] },
        { "same KPI twice", "period,kpi,value\n2026-10,reach,1\n2026-10,reach,2\n",
            ["line 3, column 2 (kpi): 'reach' already appears on line 2; each KPI is reported once per file"] },
        { "malformed period", "period,kpi,value\n10/2026,reach,1\n",
            ["line 2, column 1 (period): '10/2026' is not a period; write the month as YYYY-MM, for example 2026-10"] },
        { "two periods in one file", "period,kpi,value\n2026-10,reach,1\n2026-09,yield,2\n",
            ["line 3, column 1 (period): '2026-09' differs from the file's period 2026-10; one file holds one month"] },
        { "value below the allowed range", "period,kpi,value\n2026-10,reach,-5\n",
            ["line 2, column 3 (value): -5 is below the smallest allowed value for reach, 0"] },
        { "value above the allowed range", "period,kpi,value\n2026-10,churn-rate,140%\n",
            ["line 2, column 3 (value): 140 is above the largest allowed value for churn-rate, 100"] },
        { "percent suffix on a count", "period,kpi,value\n2026-10,reach,12%\n",
            ["line 2, column 3 (value): '12%' is not a number; write digits with a '.' for decimals, for example 1234.5"] },
        { "department mismatch", "period,department,kpi,value\n2026-10,hr,reach,1\n",
            ["line 2, column 2 (department): 'hr' is not this upload's department; this file belongs to 'sales'"] },
        { "unit mismatch", "period,kpi,value,unit\n2026-10,reach,1,percent\n",
            ["line 2, column 4 (unit): 'percent' is not the unit of reach; it is measured in count"] },
        { "missing value column", "period,kpi,comment\n2026-10,reach,x\n",
            ["line 1, column 0 (value): the required column 'value' is missing; the header must name period, kpi and value"] },
        { "unknown column", "period,kpi,value,owner\n2026-10,reach,1,me\n",
            ["line 1, column 4 (owner): unknown column 'owner'; the columns are period, kpi, value, comment, department, unit (and the template's name, target, last month, which are not read)"] },
        { "empty file", "",
            ["file: the file is empty; it needs a header line (period,kpi,value,comment) and one line per KPI"] },
        { "whitespace only", " \r\n \r\n",
            ["file: the file is empty; it needs a header line (period,kpi,value,comment) and one line per KPI"] },
        { "header only", "period,kpi,value,comment\n",
            ["file: the file has a header but no figures; add one line per KPI"] },
        { "derived KPI submitted", "period,kpi,value\n2026-10,share-of-voice,30\n",
            ["line 2, column 2 (kpi): 'share-of-voice' is computed from own-mentions and competitor-mentions; submit those instead"] },
        { "milestone half done", "period,kpi,value\n2026-10,launch,0.5\n",
            ["line 2, column 3 (value): 0.5 is not a milestone value; write 1 when launch is done and 0 while it is not"] },
        { "period in the future", "period,kpi,value\n2026-12,reach,1\n",
            ["line 2, column 1 (period): 2026-12 is in the future; the latest month that can be submitted is 2026-11"] },
        { "period older than the window", "period,kpi,value\n2024-10,reach,1\n",
            ["line 2, column 1 (period): 2024-10 is more than 24 months ago; the earliest month that can be submitted is 2024-11"] },
        { "unit column with the wrong currency", "period,kpi,value,unit\n2026-10,yield,81.5,USD\n",
            ["line 2, column 4 (unit): 'USD' is not the unit of yield; it is measured in EUR"] },
        { "several problems, all listed", "period,kpi,value\n2026-13,reach,x\n2026-10,nope,1\n",
            [
                "line 2, column 1 (period): '2026-13' is not a period; write the month as YYYY-MM, for example 2026-10",
                "line 2, column 3 (value): 'x' is not a number; write digits with a '.' for decimals, for example 1234.5",
                "line 3, column 2 (kpi): 'nope' is not a KPI of Sales; its KPIs are reach, churn-rate, yield, own-mentions, competitor-mentions, launch",
            ] },
        { "problem after a multi-line quoted comment keeps its line", "period,kpi,value,comment\n2026-10,reach,1,\"two\nlines\"\n2026-10,yield,x,\n",
            ["line 4, column 3 (value): 'x' is not a number; write digits with a '.' for decimals, for example 1234.5"] },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Read_BadFile_ListsExactProblemsAndNoFigures(string variant, string text, string[] expected)
    {
        var result = Read(text);
        Assert.False(result.IsAccepted, variant);
        Assert.Empty(result.Figures);
        Assert.Equal(expected, result.Problems.Select(p => p.ToString()).ToArray());
    }

    [Theory]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 LE with BOM")]
    [InlineData("utf-16 BE with BOM")]
    public void Read_SpreadsheetEncodings_AreAccepted(string encoding)
    {
        const string text = "period,kpi,value,comment\r\n2026-10,reach,1200,Zoë’s team — très bien\r\n";
        var bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16 LE with BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        var result = Read(bytes);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal("Zoë’s team — très bien", result.Figures.Single().Comment);
    }

    [Theory]
    [InlineData("2024-11")] // the oldest month in the 24-month window
    [InlineData("2026-11")] // the month in progress
    public void Read_PeriodInsideTheWindow_IsAccepted(string period)
    {
        var result = Read($"period,kpi,value\n{period},reach,1200\n");
        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal(Period.Parse(period), result.Period);
    }

    [Fact]
    public void Read_BinaryFile_IsRejectedAsNotCsv()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01 };
        var problem = Assert.Single(Read(bytes).Problems);
        Assert.Equal("file: this is not a text CSV file (it contains binary data); export the sheet as CSV (UTF-8) or upload the workbook as .xlsx", problem.ToString());
    }

    [Fact]
    public void Read_FileOverSizeLimit_IsRejectedWithoutReadingItAll()
    {
        var content = new SubmissionCsvBuilder(1000).Build();
        var result = Read(content, new SubmissionRules { MaxBytes = 100 });
        Assert.Equal("file: the file is larger than the limit of 100 bytes; split it or ask an admin to raise the limit", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Read_TooManyRows_IsRejected()
    {
        var result = Read(new SubmissionCsvBuilder(5).Build(), new SubmissionRules { MaxRows = 3 });
        Assert.Contains("file: the file has more than 3 rows; a monthly submission has one row per KPI", result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_ManyProblems_StopsAtTheCapAndSaysHowManyMore()
    {
        var text = "period,kpi,value\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"2026-10,unknown-{i},1\n"));
        var result = Read(Encoding.UTF8.GetBytes(text), new SubmissionRules { MaxProblems = 10 });
        Assert.Equal(11, result.Problems.Count);
        Assert.StartsWith("file: ", result.Problems[^1].ToString());
    }

    [Fact]
    public void Read_AcceptedFile_CarriesValuesCommentsAndDepartment()
    {
        var result = Read("period,kpi,value,comment\n2026-10,reach,1200,\"Launch, week 2\"\n2026-10,churn-rate,2.5%,\n");
        Assert.Collection(result.Figures,
            f => Assert.Equal(new KpiFigure("sales", new Period(2026, 10), "reach", 1200, "Launch, week 2"), f),
            f => Assert.Equal(new KpiFigure("sales", new Period(2026, 10), "churn-rate", 2.5, null), f));
    }

    // Many rows of unknown KPIs: enough bytes to exceed small limits.
    private sealed class SubmissionCsvBuilder(int rows)
    {
        public byte[] Build() => Encoding.UTF8.GetBytes("period,kpi,value\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"2026-10,reach-{i},{i}\n")));
    }
}
