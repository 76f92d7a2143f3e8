using System.Text.Json.Serialization;

namespace Reporting.Application;

/// <summary>
/// The answer's JSON beside each upload (<c>2026-10.csv.json</c>): what the upload page and the department's tools read.
/// <paramref name="Checksum"/>, <paramref name="ProcessingMs"/> and <paramref name="Notes"/> are left out of an answer
/// written after a later step failed (the upload was not read again).
/// </summary>
public sealed record SubmissionAnswer(
    string Blob,
    string Etag,
    string Department,
    string Status,
    string? Period,
    int Figures,
    bool InForce,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Checksum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ProcessingMs,
    string? Error,
    IReadOnlyList<SubmissionAnswerProblem> Problems,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes);

/// <summary>One problem in an answer: where (line and column, or a workbook's cell), what was written there, and what was expected.</summary>
public sealed record SubmissionAnswerProblem(int Line, int Column, string ColumnName, string Message, string? Cell, string? Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SubmissionAnswer))]
[JsonSerializable(typeof(SubmissionAnswerProblem))]
internal sealed partial class SubmissionAnswerJson : JsonSerializerContext;
