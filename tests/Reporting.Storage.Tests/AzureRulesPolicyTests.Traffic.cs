using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace Reporting.Storage.Tests;

public sealed partial class AzureRulesPolicyTests
{
    [Fact]
    public async Task OrdinaryTableTraffic_PassesWithoutViolation()
    {
        var entity = Entity("orders", "o-1");
        entity["Amount"] = 12.5;
        entity["Count"] = 3;
        entity["Big"] = long.MaxValue;
        entity["Id"] = Guid.NewGuid();
        entity["Since"] = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);
        entity["Until"] = DateTimeOffset.MaxValue;
        entity["Note"] = "{\"not\":\"json\"}";

        await Guarded.AddEntityAsync(entity);
        entity["Count"] = 4;
        await Guarded.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);
        await Guarded.UpsertEntityAsync(Entity("orders", "o-2"), TableUpdateMode.Merge);
        var found = await Guarded.QueryAsync<TableEntity>(e => e.PartitionKey == "orders" && e.RowKey.CompareTo("o-1") >= 0).ToListAsync();
        var missing = await Guarded.GetEntityIfExistsAsync<TableEntity>("orders", "o-9");
        await Guarded.DeleteEntityAsync("orders", "o-2");

        Assert.Equal(["o-1", "o-2"], found.Select(e => e.RowKey));
        Assert.Equal(4, found[0].GetInt32("Count"));
        Assert.Equal(DateTimeOffset.MaxValue, found[0].GetDateTimeOffset("Until"));
        Assert.False(missing.HasValue);
        Assert.Empty(_violations.All);
    }

    [Fact]
    public async Task BodyReadByThePolicyOnEveryTry_IsStillSentWhole()
    {
        // Per call and per retry: the body is read twice before the transport sends it, as on a retry.
        var table = Table(HttpPipelinePosition.PerCall, HttpPipelinePosition.PerRetry);
        var entity = Entity("whole", "w");
        entity["Text"] = new string('t', 20_000);

        await table.AddEntityAsync(entity);
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity)]);

        Assert.Equal(entity["Text"], (await table.GetEntityAsync<TableEntity>("whole", "w")).Value["Text"]);
        Assert.Empty(_violations.All);
    }
}
