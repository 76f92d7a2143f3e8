using System.Diagnostics;

namespace Reporting.Testing;

/// <summary>Reads a PDF's properties with poppler's pdfinfo ("Tagged: yes", "Title: ..."), as accessibility checks need.</summary>
public static class PdfInfo
{
    public static IReadOnlyDictionary<string, string> Read(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reporting-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("pdfinfo is not installed (Debian: apt-get install poppler-utils)");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdfinfo failed: {process.StandardError.ReadToEnd()}");
            }

            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .GroupBy(parts => parts[0].Trim())
                .ToDictionary(g => g.Key, g => g.First()[1].Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
