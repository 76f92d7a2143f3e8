using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

/// <summary>
/// A department's CSV for a month with every KPI it reports and the values left blank: sent with reminders so an owner
/// fills in figures rather than guessing the KPI ids (the contract is docs/submission-format.md).
/// </summary>
public static class SubmissionTemplate
{
    public static string FileName(Period period) => $"{period}.csv";

    public static string Csv(Department department, Period period)
    {
        var csv = new StringBuilder("period,kpi,value,comment\n");
        foreach (var kpi in department.SubmittedKpis)
        {
            csv.Append(period.ToString()).Append(',').Append(kpi.Id).Append(",,\n");
        }

        return csv.ToString();
    }
}
