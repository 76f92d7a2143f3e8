using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Storage.Tables;

namespace Reporting.Application;

/// <summary>
/// A department's template for a month from the stored figures: last month's values in force, and the months that
/// "change against a baseline" targets are computed from. Write it with <see cref="SubmissionTemplateFiles"/>.
/// </summary>
public sealed class MonthTemplates(KpiFigureTable figures)
{
    public async Task<MonthTemplate> ForAsync(EngagementStrategy strategy, Department department, Period period, CancellationToken cancellationToken)
    {
        var lastMonth = period.Previous();
        var first = department.Kpis.SelectMany(k => k.Targets)
            .Where(t => t.Baseline?.From is not null && t.From <= period)
            .Select(t => t.Baseline!.From!.Value)
            .Append(lastMonth)
            .Min();
        var stored = await figures.LoadAsync(first, lastMonth, cancellationToken);
        return SubmissionTemplate.For(department, period, new FigureBook(stored.Where(f => string.Equals(f.DepartmentId, department.Id, StringComparison.OrdinalIgnoreCase))));
    }
}
