using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>The answer written beside each upload: a short text for people and a JSON document for tools.</summary>
public static class SubmissionReport
{
    /// <summary>
    /// The most bytes any answer file (.txt, .problems.csv, .json) has, whatever the upload: the problems that fit are
    /// listed and the rest counted in a last line (the upload page and tools read every file whole).
    /// </summary>
    public const int MaxAnswerBytes = 16 * 1024;

    // What the parts of an answer other than its problems may take at most: the first line, the notes, the JSON's fields.
    private const int FixedPartBytes = 4 * 1024;

    public static (string Text, byte[] ProblemsCsv, string Json) For(SubmissionUpload upload, string departmentName, SubmissionStatus status, SubmissionResult? result, string? error, string checksum, long processingMs = 0)
    {
        var text = new StringBuilder();
        var problems = Listed(result);
        var notes = (result?.Notes ?? []).Take(5).Select(n => n.Length <= 500 ? n : n[..499] + "…").ToList();
        error = error is { Length: > 1000 } ? error[..999] + "…" : error;
        switch (status)
        {
            case SubmissionStatus.Accepted:
                text.AppendLine(CultureInfo.InvariantCulture, $"Accepted: {UploadName.Printable(upload.BlobName)} for {departmentName}, period {result!.Period}: {Plural(result.Figures.Count, "figure")} stored.");
                AppendNotes(text, notes);
                break;
            case SubmissionStatus.Superseded:
                text.AppendLine(CultureInfo.InvariantCulture, $"Accepted but not in force: {UploadName.Printable(upload.BlobName)} for {departmentName}, period {result!.Period}: {Plural(result.Figures.Count, "figure")} checked and kept, but {UploadName.Printable(error ?? "another file")}, which storage received later, holds {result.Period}. The newest upload for a month always wins; upload this file again to make it the newest.");
                AppendNotes(text, notes);
                break;
            case SubmissionStatus.Unchanged:
                text.AppendLine(CultureInfo.InvariantCulture, $"Unchanged: {UploadName.Printable(upload.BlobName)} for {departmentName} has the same content as {error}. Nothing was re-submitted; the figures in force stay as they are.");
                break;
            case SubmissionStatus.Rejected:
                text.AppendLine(CultureInfo.InvariantCulture, $"Rejected: {UploadName.Printable(upload.BlobName)} for {departmentName}: {Plural(result?.Problems.Count ?? 0, "problem")}. Nothing was stored; correct the file and upload it again.");
                AppendNotes(text, notes);
                foreach (var problem in problems)
                {
                    text.AppendLine(problem.ToString());
                }

                break;
            case SubmissionStatus.Poisoned:
            default:
                text.AppendLine(CultureInfo.InvariantCulture, $"Failed: {UploadName.Printable(upload.BlobName)} for {departmentName} could not be processed: {error}");
                text.AppendLine("Nothing was stored. The file is kept; an admin has been alerted in the logs. Upload it again or contact the reporting team.");
                break;
        }

        var json = JsonSerializer.Serialize(
            new SubmissionAnswer(
                upload.BlobName, upload.ETag, upload.Department, status, result?.Period?.ToString(),
                result?.IsAccepted == true ? result.Figures.Count : 0, status == SubmissionStatus.Accepted, checksum, processingMs, error,
                [.. problems.Select(p => new SubmissionAnswerProblem(p.Line, p.Column, p.ColumnName, p.Message, p.Cell, p.Value))],
                notes),
            SubmissionAnswerJson.Default.SubmissionAnswer);
        return (text.ToString(), SpreadsheetCsv.Problems(problems), json);
    }

    /// <summary>The answer when a step after storing the figures failed for good: what is stored stays stored, and the answer says so.</summary>
    public static (string Text, byte[] ProblemsCsv, string Json) ForFailureAfterStore(SubmissionUpload upload, SubmissionStatus storedStatus, string? period, int figureCount, string error)
    {
        var state = storedStatus == SubmissionStatus.Accepted ? "are in force" : "are stored but a newer upload is in force";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Stored, then failed: {UploadName.Printable(upload.BlobName)}, period {period}: {Plural(figureCount, "figure")} {state}. A later step failed: {error}\nNothing needs uploading again; an admin has been alerted in the logs.\n");
        var json = JsonSerializer.Serialize(
            new SubmissionAnswer(upload.BlobName, upload.ETag, upload.Department, storedStatus, period, figureCount,
                storedStatus == SubmissionStatus.Accepted, Checksum: null, ProcessingMs: null, error, [], Notes: null),
            SubmissionAnswerJson.Default.SubmissionAnswer);
        return (text, SpreadsheetCsv.Problems([]), json);
    }

    // The problems that fit in every answer file, in order, and when some do not, a last line counting them with those
    // the checks only counted: each file grows by a problem's line, row or JSON object, whichever is largest.
    private static IReadOnlyList<SubmissionProblem> Listed(SubmissionResult? result)
    {
        var problems = result?.Problems ?? [];
        var (text, csv, json) = (0, 0, 0);
        for (var i = 0; i < problems.Count; i++)
        {
            var p = problems[i];
            text += Encoding.UTF8.GetByteCount(p.ToString()) + 2;
            csv += SpreadsheetCsv.Problems([p]).Length;
            json += JsonSerializer.SerializeToUtf8Bytes(new SubmissionAnswerProblem(p.Line, p.Column, p.ColumnName, p.Message, p.Cell, p.Value), SubmissionAnswerJson.Default.SubmissionAnswerProblem).Length + 64;
            if (Math.Max(text, Math.Max(csv, json)) > MaxAnswerBytes - FixedPartBytes)
            {
                var counted = result!.UnlistedProblems > 0 ? 1 : 0; // the checks' own last line, which this one replaces
                var more = problems.Count - i - counted + result.UnlistedProblems;
                return [.. problems.Take(i), SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"{more} more problems not listed; fix these and upload again"))];
            }
        }

        return problems;
    }

    // What the reader assumed (an encoding, a sheet, a decimal mark): said, but not a problem.
    private static void AppendNotes(StringBuilder text, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {note}.");
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");
}
