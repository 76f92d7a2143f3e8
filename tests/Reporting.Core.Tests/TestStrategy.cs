using Reporting.Core.Strategy;

namespace Reporting.Core.Tests;

// A small department used by the submission and scoring tests.
internal static class TestStrategy
{
    public static readonly Department Sales = new("sales", "Sales", "Amara", [
        new KpiDefinition("reach", "New customers reached", "count", Direction.HigherIsBetter, 1000, 0.1, 0, null),
        new KpiDefinition("churn-rate", "Customer churn", "percent", Direction.LowerIsBetter, 2.0, 0.25, 0, 100),
        new KpiDefinition("yield", "Average order value", "currency", Direction.HigherIsBetter, 80, 0.05, 0, null),
    ]);

    public static readonly EngagementStrategy Strategy = new("Test Org", "1", [Sales]);
}
