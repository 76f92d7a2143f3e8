using System.Text.Json.Serialization;

namespace Reporting.LocalDev;

/// <summary>One received message as maildev's API describes it.</summary>
public sealed record MailDevMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("to")] IReadOnlyList<MailDevAddress> To,
    [property: JsonPropertyName("from")] IReadOnlyList<MailDevAddress> From,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("attachments")] IReadOnlyList<MailDevAttachment>? Attachments);
