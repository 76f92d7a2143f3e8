using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Spectre.Console;

namespace Reporting.Cli;

/// <summary>What most verbs start with: storage that answers, and the strategy in force. Says what is missing when either is.</summary>
internal sealed class CliSession(ServiceProvider services, EngagementStrategy strategy) : IAsyncDisposable
{
    public EngagementStrategy Strategy => strategy;

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <returns>The session, or null with the exit code to return (storage unreachable, or no strategy in force).</returns>
    public static async Task<(CliSession? Session, int ExitCode)> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var services = await CliServices.ConnectAsync(parse, cancellationToken);
        if (services is null)
        {
            return (null, ExitCodes.StorageUnreachable);
        }

        if (await services.GetRequiredService<StrategySource>().TryGetAsync(cancellationToken) is not { } strategy)
        {
            AnsiConsole.MarkupLine("[red]No strategy is in force yet.[/] Run [bold]reporting init --strategy <file>[/] first.");
            await services.DisposeAsync();
            return (null, ExitCodes.InvalidInput);
        }

        return (new CliSession(services, strategy), ExitCodes.Success);
    }

    /// <summary>
    /// As <see cref="OpenAsync"/>, after reading the verb's --period (default: last month by the clock in the services, in the strategy's zone);
    /// a bad period is a usage error.
    /// </summary>
    public static async Task<(CliSession? Session, Period Period, int ExitCode)> OpenForPeriodAsync(ParseResult parse, Option<string?> period, CancellationToken cancellationToken)
    {
        if (!PeriodArgument.TryRead(parse.GetValue(period), out var given))
        {
            return (null, default, ExitCodes.Usage);
        }

        var (session, exitCode) = await OpenAsync(parse, cancellationToken);
        return (session, given ?? (session is null ? default : PeriodArgument.LastMonth(session.Get<TimeProvider>(), session.Strategy)), exitCode);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
