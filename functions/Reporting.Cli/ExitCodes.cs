namespace Reporting.Cli;

/// <summary>The CLI's exit codes, the same for every verb (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int Usage = 2;
    public const int StorageUnreachable = 3;
}
