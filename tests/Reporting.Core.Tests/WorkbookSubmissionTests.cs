using System.IO.Compression;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>Excel workbooks as departments save them: read by sheet, numbers as numbers, dates as periods, problems by cell.</summary>
public sealed class WorkbookSubmissionTests
{
    private static readonly SubmissionRules November2026 = new() { CurrentPeriod = new Period(2026, 11) };

    private static SubmissionResult Read(byte[] workbook, SubmissionRules? rules = null, string? name = "2026-10.xlsx") =>
        new SubmissionReader(rules ?? November2026).Read(new MemoryStream(workbook), TestStrategy.Sales, name);

    private static TestWorkbook Header(string sheet = "Sheet1") => new TestWorkbook().Sheet(sheet).Row(1, "period", "kpi", "value", "comment");

    [Fact]
    public void Read_NumbersAndTextPeriod_AreAccepted()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200, "Autumn campaign, \"Share & Save\"").Row(3, "2026-10", "yield", 81.5).Build();

        var result = Read(workbook);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal(new Period(2026, 10), result.Period);
        Assert.Equal([("reach", 1200.0, "Autumn campaign, \"Share & Save\""), ("yield", 81.5, null)], result.Figures.Select(f => (f.KpiId, f.Value, f.Comment)));
        Assert.Empty(result.Notes);
    }

    [Theory]
    [InlineData("a real date on the 1st", 1)]
    [InlineData("a date later in the month", 17)]
    public void Read_DateCellInThePeriodColumn_IsItsMonth(string variant, int day)
    {
        var workbook = Header().Row(2, new DateOnly(2026, 10, day), "reach", 1200).Build();

        var result = Read(workbook);

        Assert.True(result.IsAccepted, $"{variant}: {string.Join("; ", result.Problems)}");
        Assert.Equal(new Period(2026, 10), result.Period);
    }

    [Fact]
    public void Read_MonthFormattedCell_IsThatMonth()
    {
        var serial = new DateTime(2026, 10, 1).ToOADate();
        var workbook = Header().Row(2, TestCell.Styled(serial, TestWorkbook.MonthStyle), "reach", 1200).Build();

        Assert.Equal(new Period(2026, 10), Read(workbook).Period);
    }

    [Fact]
    public void Read_PercentFormattedCell_IsReadAsThePercentageExcelShows()
    {
        var workbook = Header().Row(2, "2026-10", "churn-rate", TestCell.Styled(0.025, TestWorkbook.PercentStyle)).Row(3, "2026-10", "reach", TestCell.Inline("1200")).Build();

        var result = Read(workbook);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal(2.5, result.Figures.Single(f => f.KpiId == "churn-rate").Value);
        Assert.Equal(1200, result.Figures.Single(f => f.KpiId == "reach").Value);
    }

    [Fact]
    public void Read_Problems_NameTheCell()
    {
        var workbook = new TestWorkbook().Sheet("Sheet1")
            .Row(3, null, "period", "kpi", "value")
            .Row(5, null, "2026-10", "reech", 1)
            .Row(6, null, "2026-10", "yield", "lots")
            .Row(7, null, "2026-10", "reach", TestCell.Error("#DIV/0!"))
            .Row(8, null, new DateOnly(2026, 12, 1), "launch", 1)
            .Build();

        var result = Read(workbook);

        Assert.Equal(
        [
            "cell C5 (kpi): 'reech' is not a KPI of Sales; did you mean 'reach'? its KPIs are reach, churn-rate, yield, own-mentions, competitor-mentions, launch",
            "cell D6 (value): 'lots' is not a number; write digits with a '.' for decimals, for example 1234.5",
            "cell D7 (value): '#DIV/0!' is an Excel error, not a number; correct the formula or type the figure",
            "cell B8 (period): '2026-12-01' differs from the file's period 2026-10; one file holds one month",
        ], result.Problems.Select(p => p.ToString()));
        Assert.Equal(("C5", 5, 3), (result.Problems[0].Cell, result.Problems[0].Line, result.Problems[0].Column));
    }

    [Fact]
    public void Read_ValueInAColumnWithoutHeader_IsNamedByItsCell()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200, null, "stray").Build();

        var problem = Assert.Single(Read(workbook).Problems);

        Assert.Equal("cell E2 ((none)): 'stray' is in a column without a header; put the figures under period, kpi, value and comment, or clear this cell", problem.ToString());
    }

    [Fact]
    public void Read_SheetNamedLikeTheDepartment_IsReadInsteadOfTheFirst()
    {
        var workbook = new TestWorkbook()
            .Sheet("Notes").Row(1, "nothing to see")
            .Sheet("Sales").Row(1, "period", "kpi", "value").Row(2, "2026-10", "reach", 1200)
            .Build();

        var result = Read(workbook);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal("the workbook has 2 sheets; read 'Sales' (named like the department)", Assert.Single(result.Notes));
    }

    [Fact]
    public void Read_WithoutANamedSheet_ReadsTheFirstVisibleSheet()
    {
        var workbook = new TestWorkbook()
            .Sheet("Hidden", hidden: true).Row(1, "junk")
            .Sheet("Figures").Row(1, "period", "kpi", "value").Row(2, "2026-10", "reach", 1200)
            .Build();

        var result = Read(workbook);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.StartsWith("the workbook has 2 sheets; read 'Figures' (the first sheet", Assert.Single(result.Notes));
    }

    [Fact]
    public void Read_TooLongComment_IsRefusedAtItsCell()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200, new string('x', 2001)).Build();

        Assert.Equal("cell D2 (comment): the comment is 2,001 characters long; keep it under 2,000", Assert.Single(Read(workbook).Problems).ToString());
    }

    [Fact]
    public void Read_MoreRowsThanTheLimit_IsRefusedWithTheRowLimit()
    {
        var workbook = Header();
        for (var row = 2; row <= 12; row++)
        {
            workbook.Row(row, "2026-10", "reach", row);
        }

        var result = Read(workbook.Build(), November2026 with { MaxRows = 10 });

        Assert.Equal("file: the file has more than 10 rows; a monthly submission has one row per KPI", result.Problems[0].ToString());
        Assert.Empty(result.Figures);
    }

    [Fact]
    public void Read_LargerThanTheUploadLimit_IsRefusedBeforeUnpacking()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200).Build();

        var result = Read(workbook, November2026 with { MaxBytes = workbook.Length - 1 });

        Assert.StartsWith("file: the file is larger than the limit of", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Read_ZipBomb_IsRefusedBeforeUnpackingPastTheLimit_InBoundedMemory()
    {
        // 1 GB of spaces inside the sheet compresses to about 1 MB: a workbook that is small on upload and huge unpacked.
        var bomb = Header().Row(2, "2026-10", "reach", 1200).BuildWithPart("xl/worksheets/sheet1.xml", part =>
        {
            part.Write(Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 1024; i++)
            {
                part.Write(spaces);
            }

            part.Write(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
        });
        Assert.InRange(bomb.Length, 1, 5 * 1024 * 1024);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = Read(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("file: the workbook unpacks to more than the limit of 20,971,520 bytes (stopped in xl/worksheets/sheet1.xml); a monthly submission is far smaller, so copy the figures into a new workbook, or ask an admin to raise submissions:maxUnzippedBytes",
            Assert.Single(result.Problems).ToString());
        Assert.InRange(allocated, 0, 16L * 1024 * 1024); // the upload's own copy and scratch buffers, never the unpacked gigabyte
    }

    [Fact]
    public void Read_PartThatUnderstatesItsSize_IsRefusedWithoutUnpackingMoreThanItDeclares()
    {
        var bomb = Header().Row(2, "2026-10", "reach", 1200).BuildWithPart("xl/sharedStrings.xml", part =>
        {
            var junk = new byte[1024 * 1024];
            Array.Fill(junk, (byte)'a');
            for (var i = 0; i < 64; i++)
            {
                part.Write(junk);
            }
        });
        var lying = DeclareSmallSizes(bomb, "xl/sharedStrings.xml");

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = Read(lying);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // Decompression stops at the declared size, so the 64 MB never unpack: the truncated part is reported as damage.
        Assert.StartsWith("file: the workbook could not be read: it is damaged or not an Excel .xlsx file", Assert.Single(result.Problems).ToString());
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
    }

    [Fact]
    public void Read_HugeSharedStringTable_IsRefusedByItsSize()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200).BuildWithPart("xl/sharedStrings.xml", part =>
        {
            part.Write(Encoding.UTF8.GetBytes("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>period</t></si><si><t>kpi</t></si><si><t>value</t></si><si><t>comment</t></si><si><t>2026-10</t></si><si><t>reach</t></si>"));
            var item = Encoding.UTF8.GetBytes("<si><t>" + new string('x', 1000) + "</t></si>");
            for (var i = 0; i < 40_000; i++)
            {
                part.Write(item);
            }

            part.Write(Encoding.UTF8.GetBytes("</sst>"));
        });

        var result = Read(workbook);

        Assert.Equal("file: the workbook unpacks to more than the limit of 20,971,520 bytes (stopped in xl/sharedStrings.xml); a monthly submission is far smaller, so copy the figures into a new workbook, or ask an admin to raise submissions:maxUnzippedBytes",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Read_SharedStringTableWithTooManyStrings_IsRefusedByItsCount()
    {
        var workbook = Header().Row(2, "2026-10", "reach", 1200).BuildWithPart("xl/sharedStrings.xml", part =>
        {
            part.Write(Encoding.UTF8.GetBytes("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>period</t></si><si><t>kpi</t></si><si><t>value</t></si><si><t>comment</t></si><si><t>2026-10</t></si><si><t>reach</t></si>"));
            var item = Encoding.UTF8.GetBytes("<si><t/></si>");
            for (var i = 0; i < 2_000; i++)
            {
                part.Write(item);
            }

            part.Write(Encoding.UTF8.GetBytes("</sst>"));
        });

        var result = Read(workbook, November2026 with { MaxSharedStrings = 1_000 });

        Assert.Equal("file: the workbook's shared-string table holds more than 1,000 strings, far more than a monthly submission needs; copy the figures into a new workbook and upload that", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("old .xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "2026-10.xls", "file: this is an old-style Excel .xls file or a password-protected workbook")]
    [InlineData("CSV named .xlsx", new byte[] { (byte)'p', (byte)'e', (byte)'r' }, "2026-10.xlsx", "file: the file is named .xlsx but is not an Excel workbook")]
    [InlineData("damaged zip", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }, "2026-10.xlsx", "file: the workbook is damaged")]
    public void Read_NotAReadableWorkbook_SaysWhat(string variant, byte[] content, string name, string expectedStart)
    {
        var result = Read(content, name: name);

        Assert.False(result.IsAccepted, variant);
        Assert.StartsWith(expectedStart, Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_SaysSo()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("readme.txt").Open();
            entry.Write("hello"u8);
        }

        var result = Read(buffer.ToArray());

        Assert.Equal("file: this zip file is not an Excel workbook; upload an .xlsx saved by Excel, or a CSV", Assert.Single(result.Problems).ToString());
    }

    // Rewrites the uncompressed size a zip declares for one part (local header and central directory) to 1 byte.
    private static byte[] DeclareSmallSizes(byte[] zip, string partName)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(partName);
        for (var i = 0; i + 4 < bytes.Length; i++)
        {
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04;
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02;
            if (!local && !central)
            {
                continue;
            }

            var nameOffset = i + (local ? 30 : 46);
            var nameLength = BitConverter.ToUInt16(bytes, i + (local ? 26 : 28));
            if (nameLength == name.Length && bytes.AsSpan(nameOffset, nameLength).SequenceEqual(name))
            {
                BitConverter.GetBytes(1u).CopyTo(bytes, i + (local ? 22 : 24));
            }
        }

        return bytes;
    }
}
