using Microsoft.Extensions.Hosting;
using Reporting.LocalRunner;

// Development only: the Function App's classes, hosted without the Functions host (see LocalRunnerHost).
await LocalRunnerHost.CreateBuilder(args).Build().RunAsync();
