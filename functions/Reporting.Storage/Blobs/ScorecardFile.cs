namespace Reporting.Storage.Blobs;

/// <summary>
/// One rendered file of a period's scorecards, read from <see cref="Content"/>'s start when stored (a leadership pack is a
/// temporary file of up to a hundred megabytes, not bytes in memory). Disposing the file disposes its content.
/// </summary>
public sealed record ScorecardFile(string Name, Stream Content, string ContentType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
