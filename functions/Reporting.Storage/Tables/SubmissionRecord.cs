using Reporting.Core.Submissions;

namespace Reporting.Storage.Tables;

/// <summary>One line of a department's submission history: what arrived, when, and what became of it.</summary>
public sealed record SubmissionRecord(
    string Department,
    string BlobName,
    string ETag,
    string? Period,
    string Checksum,
    DateTimeOffset ReceivedUtc,
    SubmissionStatus Status,
    int FigureCount,
    int ProblemCount,
    string Problems);
