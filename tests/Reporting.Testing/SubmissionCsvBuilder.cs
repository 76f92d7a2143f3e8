using System.Text;

namespace Reporting.Testing;

/// <summary>Builds submission files the way tests need them: <c>new SubmissionCsvBuilder("2026-10").WithRow("reach", "1200").Build()</c>.</summary>
public sealed class SubmissionCsvBuilder(string period)
{
    private readonly List<string> _rows = [];
    private string _header = "period,kpi,value,comment";

    public SubmissionCsvBuilder WithHeader(string header)
    {
        _header = header;
        return this;
    }

    public SubmissionCsvBuilder WithRow(string kpi, string value, string comment = "")
    {
        _rows.Add($"{period},{kpi},{value},{comment}");
        return this;
    }

    public SubmissionCsvBuilder WithRawLine(string line)
    {
        _rows.Add(line);
        return this;
    }

    public string BuildText() => string.Join("\r\n", [_header, .. _rows]) + "\r\n";

    public byte[] Build() => Encoding.UTF8.GetBytes(BuildText());
}
