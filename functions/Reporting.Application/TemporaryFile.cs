namespace Reporting.Application;

/// <summary>A file in the system's temporary folder, readable and writable, deleted when its stream is closed.</summary>
internal static class TemporaryFile
{
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"reporting-{Path.GetRandomFileName()}"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 81920,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
