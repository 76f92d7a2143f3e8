using System.CommandLine;
using Reporting.Cli;
using Reporting.Cli.Commands;

if (Console.IsOutputRedirected)
{
    // Spectre assumes 80 columns when it cannot measure; logs and pipes read better unwrapped.
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("reporting: the digital-engagement KPI pipeline's admin tool. Run `reporting demo` to see it work end to end.")
{
    InitCommand.Create(),
    StrategyCommand.Create(),
    ValidateCommand.Create(),
    SubmitCommand.Create(),
    StatusCommand.Create(),
    RenderCommand.Create(),
    GrantCommand.Create(),
    TemplateCommand.Create(),
    RemindCommand.Create(),
    DemoCommand.Create(),
};
root.Options.Add(CliOptions.Connection);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run `reporting --help` or `reporting <verb> --help` for usage and examples.");
    return ExitCodes.Usage;
}

// Reporting:Now (environment Reporting__Now) fixes the CLI's clock for tests and demos; a bad value is a usage error.
if (CliServices.ClockProblem() is { } clockProblem)
{
    Console.Error.WriteLine(clockProblem);
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
