namespace Reporting.Core.Strategy;

/// <summary>Whether a strategy problem stops the file being used (error) or only deserves a second look (warning).</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}
