using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reporting.Application;
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
        return wait is null ? uploaded.Select(u => new UploadOutcome(u.Submission, null, "", Awaited: false)).ToList() : outcomes;
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

        return uploaded.Select(u => answers.GetValueOrDefault(u.Submission) ?? new UploadOutcome(u.Submission, null, "no answer yet")).ToList();
    }

    private static UploadOutcome? Read(LocalSubmission submission, string json, string etag)
    {
        var answer = SubmissionAnswer.Read(json);
        if (answer.Etag != etag)
        {
            return null; // the answer to an earlier version
        }

        var detail = answer.Status switch
        {
            SubmissionStatus.Accepted => string.Create(CultureInfo.InvariantCulture, $"{answer.Figures} figures for {answer.Period}"),
            SubmissionStatus.Rejected => string.Join("\n", answer.Problems.Select(p => new SubmissionProblem(p.Line, p.Column, p.ColumnName, p.Message).ToString())),
            _ => answer.Error ?? "",
        };
        return new UploadOutcome(submission, answer.Status, detail);
    }
}
