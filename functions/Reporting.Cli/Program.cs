using System.CommandLine;
using Reporting.Cli.Commands;

var root = new RootCommand("reporting: the digital-engagement KPI pipeline's admin tool. Run `reporting demo` to see it work end to end.")
{
    DemoCommand.Create(),
    ValidateCommand.Create(),
    StrategyCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
