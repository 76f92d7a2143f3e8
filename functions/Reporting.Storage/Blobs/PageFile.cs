namespace Reporting.Storage.Blobs;

/// <summary>One file of a department's upload page, guide or templates: its blob name in the answer container, content and type.</summary>
public sealed record PageFile(string Name, byte[] Content, string ContentType);
