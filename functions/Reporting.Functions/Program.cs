using Microsoft.Extensions.Hosting;
using Reporting.Application;
using Reporting.Functions;

// The WebJobs host: our blob trigger ingests department uploads, the timer renders the monthly scorecards.
// The clock is the system clock unless Reporting:Now is set (a testing and demo aid; see ReportingClock).
await ReportingHost.CreateBuilder(args)
    .Build()
    .RunAsync();
