namespace Reporting.Delivery.Messages;

/// <summary>
/// The PDF a message is about: attached when <see cref="Content"/> is set, otherwise reachable at <see cref="Link"/>
/// (a read-only link that expires at <see cref="LinkExpires"/>) because it is too large to attach.
/// </summary>
public sealed record ScorecardDocument(string FileName, byte[]? Content, Uri? Link = null, DateTimeOffset? LinkExpires = null)
{
    public static ScorecardDocument Attached(string fileName, byte[] content) => new(fileName, content);

    public static ScorecardDocument Linked(string fileName, Uri link, DateTimeOffset expires) => new(fileName, null, link, expires);
}
