using Reporting.Core.Periods;

namespace Reporting.Application;

/// <summary>Told after an upload's figures were put in force (for example to refresh the department's upload page); a failure here never fails the upload.</summary>
public interface ISubmissionAcceptedHandler
{
    Task OnAcceptedAsync(string department, Period period, CancellationToken cancellationToken);
}
