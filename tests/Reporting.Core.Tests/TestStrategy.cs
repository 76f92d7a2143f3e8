using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Core.Tests;

// A small department used by the submission and scoring tests.
internal static class TestStrategy
{
    public static readonly Department Sales = new("sales", "Sales", "Amara", [
        new KpiBuilder("reach").Named("New customers reached").Target(1000),
        new KpiBuilder("churn-rate").Named("Customer churn").Unit(UnitKind.Percent).Lower().Tolerance(0.25).Allowed(0, 100).Target(2.0),
        new KpiBuilder("yield").Named("Average order value").Unit(UnitKind.Currency, "EUR").Tolerance(0.05).Target(80),
        new KpiBuilder("own-mentions").Input(),
        new KpiBuilder("competitor-mentions").Input(),
        new KpiBuilder("share-of-voice").Unit(UnitKind.Percent).Target(35).Derived(["own-mentions"], ["own-mentions", "competitor-mentions"], 100),
        new KpiBuilder("launch").Named("Product launched").Milestone("2026-09"),
    ]);

    public static readonly EngagementStrategy Strategy = new("Test Org", "1", [Sales]);
}
