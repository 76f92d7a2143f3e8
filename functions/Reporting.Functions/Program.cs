using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Reporting.Functions;

// The isolated worker: the Functions host (Azure, or Core Tools) triggers, this process runs the functions. The local runner
// (functions/Reporting.LocalDev/Runner) makes the same registration call and hosts the same classes where no host exists.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddReportingFunctions(builder.Configuration);
builder.Build().Run();
