using System.Globalization;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions.Workbooks;

namespace Reporting.Core.Submissions;

/// <summary>
/// Checks one upload of any accepted format (docs/submission-format.md): an Excel workbook (.xlsx, known by its zip
/// signature, whatever its name) or a CSV in any of the dialects spreadsheets write. What the pipeline and
/// <c>reporting validate</c> call. Never throws for bad input: every problem becomes a <see cref="SubmissionProblem"/>.
/// </summary>
public sealed class SubmissionReader(SubmissionRules rules)
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Checks the upload read from <paramref name="content"/> for <paramref name="department"/>; <paramref name="fileName"/>, when given, only to say when a file named .xlsx is not a workbook.</summary>
    public SubmissionResult Read(Stream content, Department department, string? fileName = null)
    {
        if (ReadBounded(content, rules.MaxBytes, out var bytes) is { } tooBig)
        {
            return SubmissionResult.Rejected(tooBig);
        }

        if (bytes.AsSpan().StartsWith(ZipSignature))
        {
            return new WorkbookSubmissionReader(rules).Read(bytes, department);
        }

        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            return SubmissionResult.Rejected(SubmissionProblem.ForFile(
                "this is an old-style Excel .xls file or a password-protected workbook, which cannot be read; save it from Excel as .xlsx without a password, or as CSV UTF-8"));
        }

        if (fileName is not null && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && bytes.Length > 0)
        {
            return SubmissionResult.Rejected(SubmissionProblem.ForFile(
                "the file is named .xlsx but is not an Excel workbook (an .xlsx is a zip file); save it again from Excel as .xlsx, or upload a CSV under a .csv name"));
        }

        return new SubmissionCsvReader(rules).Read(bytes, department);
    }

    /// <summary>Reads at most the limit and one chunk more: a problem for an upload over the limit, which is never loaded whole.</summary>
    internal static SubmissionProblem? ReadBounded(Stream content, long maxBytes, out byte[] bytes)
    {
        // A stream that knows its length (the pipeline's and the CLI's) is read into one array of that size, not a
        // doubling buffer and a copy: that alone was three times the upload's size in allocations.
        var buffer = content.CanSeek && content.Length - content.Position is var left and >= 0 and <= int.MaxValue && left <= maxBytes
            ? new MemoryStream((int)left)
            : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                bytes = [];
                return SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"the file is larger than the limit of {maxBytes:N0} bytes; split it or ask an admin to raise the limit"));
            }

            buffer.Write(chunk, 0, read);
        }

        bytes = buffer.Capacity == buffer.Length ? buffer.GetBuffer() : buffer.ToArray();
        return null;
    }
}
