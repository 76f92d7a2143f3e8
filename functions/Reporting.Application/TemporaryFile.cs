namespace Reporting.Application;

/// <summary>
/// A file in the system's temporary folder, readable and writable, that nothing else can open and that is gone when its
/// stream is closed, or when the process dies with it open: on Linux and macOS its name is removed at once (the open
/// stream keeps the file until it is closed); on Windows it is deleted when closed.
/// </summary>
internal static class TemporaryFile
{
    public static FileStream Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reporting-{Path.GetRandomFileName()}");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
