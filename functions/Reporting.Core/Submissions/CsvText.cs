using System.Text;

namespace Reporting.Core.Submissions;

/// <summary>
/// Turns an uploaded CSV's bytes into text the way spreadsheets write it: a byte-order mark says UTF-8 or UTF-16 (what
/// Excel's "CSV UTF-8" and "Unicode text" write); without one the bytes are UTF-8 if they are valid UTF-8, and otherwise
/// Windows-1252, what Excel's plain "CSV" writes on a Western European Windows. The second case is said in a note.
/// </summary>
internal static class CsvText
{
    // Bytes Windows-1252 leaves undefined: a file with them is neither UTF-8 nor 1252 text.
    private static readonly byte[] Undefined1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    public const string Windows1252Note = "the file is not UTF-8, so it was read as Windows-1252 (Western European), what Excel's plain \"CSV\" writes; if a letter looks wrong in the answer, save the sheet as \"CSV UTF-8\" instead";

    public static (string? Text, string? Note, SubmissionProblem? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        string? note = null;
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((byte[])[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((byte[])[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (bytes.Contains((byte)0))
        {
            return (null, null, Binary);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                if (bytes.IndexOfAny(Undefined1252) >= 0)
                {
                    return (null, null, Binary);
                }

                text = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
                note = Windows1252Note;
            }
        }

        if (text.Trim().Length == 0)
        {
            return (null, null, SubmissionProblem.ForFile("the file is empty; it needs a header line (period,kpi,value,comment) and one line per KPI"));
        }

        return text.Contains('\0', StringComparison.Ordinal) || text.Contains('\uFFFD', StringComparison.Ordinal)
            ? (null, null, Binary)
            : (text, note, null);
    }

    private static SubmissionProblem Binary => SubmissionProblem.ForFile("this is not a text CSV file (it contains binary data); export the sheet as CSV (UTF-8) or upload the workbook as .xlsx");
}
