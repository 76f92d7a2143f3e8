using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Reporting.Storage;

namespace Reporting.LocalRunner;

/// <summary>One line per entry ("10:41:07 info Category: message"), exceptions below it, and never a key or SAS signature.</summary>
internal sealed class RedactingConsoleFormatter(TimeProvider clock) : ConsoleFormatter(Name)
{
    public new const string Name = "redacting";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():HH:mm:ss} {Level(logEntry.LogLevel)} {logEntry.Category}: {message}");
        if (logEntry.Exception is { } exception)
        {
            line += Environment.NewLine + exception;
        }

        textWriter.WriteLine(SecretRedactor.Redact(line));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
