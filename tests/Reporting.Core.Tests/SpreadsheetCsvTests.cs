using System.Text;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "\"'+1+2\"")]
    [InlineData("-5", "\"'-5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("plain, with comma", "\"plain, with comma\"")]
    [InlineData("", "\"\"")]
    public void Cell_NeutralisesFormulasAndQuotes(string value, string expected) => Assert.Equal(expected, SpreadsheetCsv.Cell(value));

    [Fact]
    public void Problems_IsUtf8WithBomAndCrlf()
    {
        var bytes = SpreadsheetCsv.Problems([new SubmissionProblem(3, 2, "kpi", "'=cmd' is not a KPI of Sales")]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("\"line\",\"column\",\"column name\",\"problem\",\"cell\"\r\n\"3\",\"2\",\"kpi\",\"'=cmd' is not a KPI of Sales\",\"\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
