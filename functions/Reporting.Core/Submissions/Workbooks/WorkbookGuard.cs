using System.Globalization;
using System.IO.Compression;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// Refuses a workbook that would expand past <see cref="SubmissionRules.MaxUnzippedBytes"/> before any of it is parsed:
/// first by the sizes its zip directory declares, then by decompressing each part into a small scratch buffer and
/// counting, stopping at the limit, since a crafted zip (a "zip bomb") may declare less than it holds. So the reader
/// that follows never holds more than the limit, and checking a bomb costs at most the limit in decompression time.
/// </summary>
internal static class WorkbookGuard
{
    /// <summary>More parts than any real workbook of one sheet needs; each costs a directory entry to open.</summary>
    public const int MaxEntries = 1000;

    public static SubmissionProblem? Check(byte[] workbook, SubmissionRules rules)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture,
                    $"the workbook has {zip.Entries.Count:N0} parts, more than the {MaxEntries:N0} a workbook may have; copy the figures into a new workbook and upload that"));
            }

            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > rules.MaxUnzippedBytes)
            {
                return TooBig(zip.Entries.MaxBy(e => e.Length)!.FullName);
            }

            var scratch = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(scratch, 0, scratch.Length)) > 0)
                {
                    total += read;
                    if (total > rules.MaxUnzippedBytes)
                    {
                        return TooBig(entry.FullName);
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return SubmissionProblem.ForFile($"the workbook is damaged: its zip structure cannot be read ({ex.Message.TrimEnd('.')}); save it again from Excel as .xlsx, or as CSV UTF-8");
        }

        SubmissionProblem TooBig(string part) => SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture,
            $"the workbook unpacks to more than the limit of {rules.MaxUnzippedBytes:N0} bytes (stopped in {part}); a monthly submission is far smaller, so copy the figures into a new workbook, or ask an admin to raise submissions:maxUnzippedBytes"));
    }
}
