using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Core.Submissions;

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
    [property: JsonConverter(typeof(SubmissionStatusJsonConverter))] SubmissionStatus Status,
    string? Period,
    int Figures,
    bool InForce,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Checksum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ProcessingMs,
    string? Error,
    IReadOnlyList<SubmissionAnswerProblem> Problems,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes)
{
    /// <summary>Reads an answer's JSON back (the CLI and tools); a file that is not an answer fails with <see cref="JsonException"/>.</summary>
    public static SubmissionAnswer Read(string json) =>
        JsonSerializer.Deserialize(json, SubmissionAnswerJson.Default.SubmissionAnswer) ?? throw new JsonException("the answer holds null, not an answer");
}

/// <summary>One problem in an answer: where (line and column, or a workbook's cell), what was written there, and what was expected.</summary>
public sealed record SubmissionAnswerProblem(int Line, int Column, string ColumnName, string Message, string? Cell, string? Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SubmissionAnswer))]
[JsonSerializable(typeof(SubmissionAnswerProblem))]
internal sealed partial class SubmissionAnswerJson : JsonSerializerContext;

/// <summary>Writes and reads a status as its word (accepted, rejected, ...), as answers always had it.</summary>
internal sealed class SubmissionStatusJsonConverter : JsonConverter<SubmissionStatus>
{
    public override SubmissionStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SubmissionStatusWords.TryParse(reader.GetString(), out var status)
            ? status
            : throw new JsonException($"'{reader.GetString()}' is not a submission status");

    public override void Write(Utf8JsonWriter writer, SubmissionStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word());
}
