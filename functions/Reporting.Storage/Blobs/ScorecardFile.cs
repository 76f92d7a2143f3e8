namespace Reporting.Storage.Blobs;

/// <summary>One rendered file of a period's scorecards.</summary>
public sealed record ScorecardFile(string Name, byte[] Content, string ContentType);
