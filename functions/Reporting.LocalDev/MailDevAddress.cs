using System.Text.Json.Serialization;

namespace Reporting.LocalDev;

/// <summary>A sender or recipient in maildev's API.</summary>
public sealed record MailDevAddress([property: JsonPropertyName("address")] string Address, [property: JsonPropertyName("name")] string? Name);
