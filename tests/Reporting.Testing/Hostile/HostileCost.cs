using System.Text;
using Reporting.Application;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;

namespace Reporting.Testing.Hostile;

/// <summary>
/// What a hostile input cost: the bytes the checks allocated on the calling thread (deterministic enough to bound in a
/// test, unlike time; the checks are synchronous, so all their work is on that thread), and the size of the largest
/// answer file it leads to (.txt, .problems.csv or .json; for a strategy, its printed problems).
/// </summary>
public sealed record HostileCost(HostileCase Case, long AllocatedBytes, int AnswerBytes, string Outcome)
{
    /// <summary>Checks an upload as the pipeline does, and writes its answer as the pipeline does.</summary>
    public static HostileCost OfUpload(HostileCase upload, SubmissionReader reader, Department department)
    {
        var content = new MemoryStream(upload.Bytes, writable: false);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = reader.Read(content, department, upload.FileName);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var status = result.IsAccepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        var (text, problemsCsv, json) = SubmissionReport.For(
            new SubmissionUpload($"submissions-{department.Id}", department.Id, upload.FileName, "\"0x8DE0\"", upload.Bytes.Length),
            department.Name, status, result, null, "checksum");
        var answer = Math.Max(Math.Max(Encoding.UTF8.GetByteCount(text), problemsCsv.Length), Encoding.UTF8.GetByteCount(json));
        var outcome = result.IsAccepted ? $"accepted, {result.Figures.Count} figures" : $"{result.Problems.Count} problems, first: {result.Problems[0]}";
        return new HostileCost(upload, allocated, answer, outcome);
    }

    /// <summary>Loads a strategy file's text as <c>strategy push</c> and the host do; its answer is the problems printed.</summary>
    public static HostileCost OfStrategy(HostileCase strategy)
    {
        var yaml = Encoding.UTF8.GetString(strategy.Bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = StrategyYaml.Parse(yaml);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var printed = string.Join("\n", result.Problems.Concat(result.WarningsOrEmpty));
        var outcome = result.IsValid ? "valid" : $"{result.Problems.Count} problems, first: {result.Problems[0]}";
        return new HostileCost(strategy, allocated, Encoding.UTF8.GetByteCount(printed), outcome);
    }

    public override string ToString() =>
        $"| {Case.Kind} | {Case.Name} | {Case.Bytes.Length:N0} | {AllocatedBytes / (1024.0 * 1024):N1} MB | {AnswerBytes:N0} | {Shorten(Outcome)} |";

    private static string Shorten(string text) => (text.Length <= 120 ? text : text[..119] + "…").Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
