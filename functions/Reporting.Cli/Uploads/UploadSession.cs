using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Uploads;

/// <summary>
/// Uploads files into the departments' containers, exactly as departments do, and waits for the answers the
/// Ingest function writes beside them (matched by ETag, so an older answer is never mistaken for the new one).
/// </summary>
internal sealed class UploadSession(SubmissionBlobs blobs)
{
    public async Task<IReadOnlyList<UploadOutcome>> RunAsync(IReadOnlyList<LocalSubmission> submissions, TimeSpan? wait, CancellationToken cancellationToken)
    {
        var uploaded = new List<(LocalSubmission Submission, string ETag)>();
        var outcomes = new List<UploadOutcome>();
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var uploading = progress.AddTask($"Uploading {submissions.Count} file(s)", maxValue: submissions.Count);
                foreach (var submission in submissions)
                {
                    await using var content = submission.File.OpenRead();
                    uploaded.Add((submission, await blobs.UploadAsync(submission.Department, submission.File.Name, content, submission.DeclaredReceivedUtc, cancellationToken)));
                    uploading.Increment(1);
                }

                if (wait is { } timeout)
                {
                    var answering = progress.AddTask("Checked by the pipeline", maxValue: submissions.Count);
                    outcomes.AddRange(await AwaitAnswersAsync(uploaded, timeout, answering, cancellationToken));
                }
            });
        return wait is null ? uploaded.Select(u => new UploadOutcome(u.Submission, "uploaded", "")).ToList() : outcomes;
    }

    private async Task<IReadOnlyList<UploadOutcome>> AwaitAnswersAsync(
        List<(LocalSubmission Submission, string ETag)> uploaded, TimeSpan timeout, ProgressTask progress, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<LocalSubmission, UploadOutcome>();
        var clock = Stopwatch.StartNew();
        while (answers.Count < uploaded.Count && clock.Elapsed < timeout)
        {
            foreach (var (submission, etag) in uploaded.Where(u => !answers.ContainsKey(u.Submission)))
            {
                if (await blobs.ReadResultJsonAsync(submission.Department, submission.File.Name, cancellationToken) is { } json
                    && Read(submission, json, etag) is { } outcome)
                {
                    answers[submission] = outcome;
                    progress.Increment(1);
                }
            }

            await Task.Delay(200, cancellationToken);
        }

        return uploaded.Select(u => answers.GetValueOrDefault(u.Submission) ?? new UploadOutcome(u.Submission, "pending", "no answer yet")).ToList();
    }

    private static UploadOutcome? Read(LocalSubmission submission, string json, string etag)
    {
        var root = JsonDocument.Parse(json).RootElement;
        if (root.GetProperty("etag").GetString() != etag)
        {
            return null; // the answer to an earlier version
        }

        var status = root.GetProperty("status").GetString() ?? "unknown";
        var problems = root.GetProperty("problems");
        var detail = status switch
        {
            "accepted" => string.Create(CultureInfo.InvariantCulture, $"{root.GetProperty("figures").GetInt32()} figures for {root.GetProperty("period").GetString()}"),
            "rejected" => string.Join("\n", problems.EnumerateArray().Select(p => Problem(p))),
            _ => root.GetProperty("error").GetString() ?? "",
        };
        return new UploadOutcome(submission, status, detail);
    }

    private static string Problem(JsonElement problem) => new SubmissionProblem(
        problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32(),
        problem.GetProperty("columnName").GetString() ?? "", problem.GetProperty("message").GetString() ?? "").ToString();
}
