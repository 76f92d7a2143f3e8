using System.IO.Compression;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>
/// Two thousand damaged workbooks with a fixed seed: flipped bytes in the zip, and XML parts edited at random and zipped
/// again (so they pass the zip's checksums and reach the Open XML reader). The reader must never throw and always answer.
/// </summary>
public sealed class WorkbookFuzzTests
{
    private const int Cases = 2_000;

    // Every damaged workbook is a few kilobytes; its checks allocate at most this, whatever the damage.
    private const long MaxAllocatedPerCase = 8L * 1024 * 1024;
    private static readonly SubmissionRules Rules = new() { CurrentPeriod = new Period(2026, 11) };
    private static readonly string[] Fragments = ["<", ">", "\"", "/>", "</c>", "<row r=\"0\">", "<c r=\"ZZZZ9\" t=\"s\"><v>99</v></c>", "t=\"e\"", "s=\"999\"", "-1", "1E+400", "&amp;", "xml:space", "r=\"A\"", "<v/>", ""];

    [Fact]
    public void Read_TwoThousandDamagedWorkbooks_AlwaysAnswersAndNeverThrows()
    {
        var valid = new TestWorkbook().Sheet("Sales")
            .Row(1, "period", "kpi", "value", "comment")
            .Row(2, new DateOnly(2026, 10, 1), "reach", 1200, "Autumn")
            .Row(3, "2026-10", "churn-rate", TestCell.Styled(0.025, TestWorkbook.PercentStyle))
            .Row(4, "2026-10", "yield", TestCell.Inline("81.5"))
            .Build();
        Assert.True(Read(valid).IsAccepted);
        var parts = Parts(valid);
        var random = new Random(20261123);
        var (accepted, rejected) = (0, 0);
        var (costliest, costliestCase) = (0L, -1);
        for (var i = 0; i < Cases; i++)
        {
            var input = i % 3 == 0 ? FlipBytes(random, valid) : EditPart(random, parts);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            SubmissionResult result;
            try
            {
                result = Read(input);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i} threw {ex.GetType().Name}: {ex.Message}\ninput (base64): {Convert.ToBase64String(input)}");
            }

            Assert.True(result.IsAccepted ? result.Figures.Count > 0 && result.Problems.Count == 0 : result.Problems.Count > 0 && result.Figures.Count == 0,
                $"case {i} gave neither figures nor problems");
            _ = result.IsAccepted ? accepted++ : rejected++;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            (costliest, costliestCase) = allocated > costliest ? (allocated, i) : (costliest, costliestCase);
        }

        Assert.True(costliest <= MaxAllocatedPerCase, $"case {costliestCase} allocated {costliest:N0} bytes, more than {MaxAllocatedPerCase:N0}");

        Assert.True(accepted > 0 && rejected > 0, $"the damage should produce both outcomes (accepted {accepted}, rejected {rejected})");
    }

    private static SubmissionResult Read(byte[] workbook) => new SubmissionReader(Rules).Read(new MemoryStream(workbook), TestStrategy.Sales, "2026-10.xlsx");

    private static byte[] FlipBytes(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }

    private static byte[] EditPart(Random random, List<(string Name, string Xml)> parts)
    {
        var target = random.Next(parts.Count);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var xml = parts[i].Xml;
                if (i == target)
                {
                    var at = random.Next(xml.Length);
                    var cut = random.Next(0, Math.Min(12, xml.Length - at));
                    xml = xml[..at] + Fragments[random.Next(Fragments.Length)] + xml[(at + cut)..];
                }

                using var entry = zip.CreateEntry(parts[i].Name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return buffer.ToArray();
    }

    private static List<(string Name, string Xml)> Parts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        }).ToList();
    }
}
