using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

/// <summary>Huge uploads get a clear answer without being read whole.</summary>
public sealed class HugeInputTests
{
    private static readonly SubmissionRules November = new() { CurrentPeriod = new Period(2026, 11) };

    [Fact]
    public void Read_HundredMegabyteUpload_IsRejectedAfterReadingNoMoreThanTheLimit()
    {
        using var upload = new EndlessCsv(100L * 1024 * 1024);

        var result = new SubmissionCsvReader(November).Read(upload, TestStrategy.Sales);

        Assert.Equal("file: the file is larger than the limit of 5,242,880 bytes; split it or ask an admin to raise the limit", Assert.Single(result.Problems).ToString());
        Assert.InRange(upload.BytesRead, November.MaxBytes, November.MaxBytes + (128 * 1024));
    }

    [Fact]
    public void Read_MillionRows_IsRejectedAtTheRowLimitWithAClearAnswer()
    {
        using var upload = new EndlessCsv(1_000_000L * 20);
        var rules = November with { MaxBytes = 64L * 1024 * 1024 };

        var result = new SubmissionCsvReader(rules).Read(upload, TestStrategy.Sales);

        Assert.Contains("file: the file has more than 10,000 rows; a monthly submission has one row per KPI", result.Problems.Select(p => p.ToString()));
        Assert.Empty(result.Figures);
    }

    [Fact]
    public void Read_OneMegabyteField_IsRejectedAsTooLongAComment()
    {
        var text = "period,kpi,value,comment\n2026-10,reach,1200,\"" + new string('x', 1024 * 1024) + "\"\n";

        var result = new SubmissionCsvReader(November).Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), TestStrategy.Sales);

        Assert.Equal("line 2, column 4 (comment): the comment is 1,048,576 characters long; keep it under 2,000", Assert.Single(result.Problems).ToString());
    }

    // A stream of CSV rows that never materialises: counts what the reader takes from it.
    private sealed class EndlessCsv(long length) : Stream
    {
        private static readonly byte[] Row = "2026-10,reach,123456\n"u8.ToArray();
        private static readonly byte[] Header = "period,kpi,value\n"u8.ToArray();
        private long _position;

        public long BytesRead => _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < length)
            {
                var source = _position < Header.Length ? Header : Row;
                var index = _position < Header.Length ? _position : (_position - Header.Length) % Row.Length;
                buffer[offset + n++] = source[index];
                _position++;
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
