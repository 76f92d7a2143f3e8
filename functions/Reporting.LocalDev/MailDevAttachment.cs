using System.Text.Json.Serialization;

namespace Reporting.LocalDev;

/// <summary>An attachment in maildev's API; <see cref="GeneratedFileName"/> is the name to download it by.</summary>
public sealed record MailDevAttachment(
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("generatedFileName")] string GeneratedFileName,
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("size")] long Size);
