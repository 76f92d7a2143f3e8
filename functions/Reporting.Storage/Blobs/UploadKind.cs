namespace Reporting.Storage.Blobs;

/// <summary>The storage service's kinds of blob; every tool uploads a block blob unless told otherwise.</summary>
public enum UploadKind
{
    Block,
    Append,
    Page,
}
