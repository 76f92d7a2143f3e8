using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Reporting.Storage;

namespace Reporting.Functions;

/// <summary>
/// Gives Application Insights what the console gets: no key, no SAS signature, encoded or not. It runs on every item
/// before it leaves the process: log lines (traces) with their structured properties, exceptions with their messages,
/// and the storage calls the dependency collector records with their full URLs.
/// </summary>
internal sealed class RedactingTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case TraceTelemetry trace:
                trace.Message = SecretRedactor.Redact(trace.Message);
                break;
            case ExceptionTelemetry exception:
                if (exception.Message is not null)
                {
                    exception.Message = SecretRedactor.Redact(exception.Message);
                }

                foreach (var detail in exception.ExceptionDetailsInfoList)
                {
                    detail.Message = SecretRedactor.Redact(detail.Message);
                }

                break;
            case DependencyTelemetry dependency:
                dependency.Name = SecretRedactor.Redact(dependency.Name);
                dependency.Data = SecretRedactor.Redact(dependency.Data);
                break;
            case RequestTelemetry request:
                request.Name = SecretRedactor.Redact(request.Name);
                if (request.Url is { } url)
                {
                    request.Url = new Uri(SecretRedactor.Redact(url.OriginalString), UriKind.RelativeOrAbsolute);
                }

                break;
        }

        if (telemetry is ISupportProperties { Properties: { Count: > 0 } properties })
        {
            foreach (var key in properties.Keys.ToList())
            {
                properties[key] = SecretRedactor.Redact(properties[key]);
            }
        }
    }
}
