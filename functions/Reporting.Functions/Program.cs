using Microsoft.Extensions.Hosting;
using Reporting.Functions;

// The WebJobs host: our blob trigger ingests department uploads, the timer renders the monthly scorecards.
await ReportingHost.CreateBuilder(args).Build().RunAsync();
