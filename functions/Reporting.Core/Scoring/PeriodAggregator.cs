using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>Quarter- and year-to-date values by the KPI's aggregation, over the months that have figures.</summary>
public static class PeriodAggregator
{
    public static double? QuarterToDate(KpiDefinition kpi, Period period, Func<Period, double?> valueOf) =>
        Aggregate(kpi.Aggregation, Months(new Period(period.Year, ((period.Month - 1) / 3 * 3) + 1), period).Select(valueOf));

    public static double? YearToDate(KpiDefinition kpi, Period period, Func<Period, double?> valueOf) =>
        Aggregate(kpi.Aggregation, Months(new Period(period.Year, 1), period).Select(valueOf));

    public static double? Aggregate(Aggregation aggregation, IEnumerable<double?> values)
    {
        var known = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            Aggregation.Sum => known.Sum(),
            Aggregation.Average => known.Average(),
            _ => known[^1],
        };
    }

    private static IEnumerable<Period> Months(Period first, Period last)
    {
        for (var period = first; period <= last; period = period.Next())
        {
            yield return period;
        }
    }
}
