using System.Diagnostics;

namespace Reporting.Testing;

/// <summary>Reads a PDF back with poppler's pdftotext, as a reader's copy-and-paste would.</summary>
public static class PdfText
{
    /// <param name="pdf">The document.</param>
    /// <param name="layout">Keep the physical layout (columns side by side); without it, text comes in reading order per block.</param>
    public static string Extract(byte[] pdf, bool layout = true)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reporting-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[.. layout ? ["-layout"] : Array.Empty<string>(), "-enc", "UTF-8", path, "-"])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("pdftotext is not installed (Debian: apt-get install poppler-utils)");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? text
                : throw new InvalidOperationException($"pdftotext failed: {process.StandardError.ReadToEnd()}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The words in order, one space apart: wrapped names compare equal to their one-line originals.</summary>
    public static string Words(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each page's text, in order (pdftotext ends every page with a form feed).</summary>
    public static IReadOnlyList<string> Pages(string text) => text.Split('\f')[..^1];

    /// <summary>The number of pages, counted by pdftotext's form feeds.</summary>
    public static int PageCount(string text) => text.Count(c => c == '\f');
}
