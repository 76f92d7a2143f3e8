using Azure.Data.Tables;
using Reporting.Storage.AzureRules;

namespace Reporting.Storage.Tests;

public sealed partial class AzureRulesPolicyTests
{
    [Fact]
    public async Task ValidBatchOf100SinglePartitionOperations_IsSent()
    {
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(i % 2 == 0 ? TableTransactionActionType.Add : TableTransactionActionType.UpsertMerge, Stamped(Entity("batch", $"r{i:000}"))))
            .ToList();

        await Guarded.SubmitTransactionAsync(actions);

        Assert.Empty(_violations.All);
        Assert.Equal(100, await Guarded.QueryAsync<TableEntity>(e => e.PartitionKey == "batch").CountAsync());
    }

    [Fact]
    public async Task BatchOf101Operations_IsRefused()
    {
        var actions = Enumerable.Range(0, 101).Select(i => Add(Entity("batch", $"r{i:000}"))).ToList();

        var violation = await AssertRefusedAsync(AzureRule.TableBatchTooManyOperations, () => Guarded.SubmitTransactionAsync(actions));

        Assert.Equal("101 operations", violation.Detail);
        Assert.EndsWith("/$batch", violation.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchOver4MiB_IsRefused()
    {
        // Ten entities of 15 × 30,000 characters: each under 1 MiB, together about 4.5 MB of JSON.
        var actions = Enumerable.Range(0, 10).Select(i => Add(WithProperties(Entity("big", $"r{i}"), 15, _ => new string('x', 30_000)))).ToList();

        var violation = await AssertRefusedAsync(AzureRule.TableBatchTooLarge, () => Guarded.SubmitTransactionAsync(actions));

        Assert.StartsWith("the payload is 4,5", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchSpanningTwoPartitions_IsRefused_ButAzuriteAcceptsIt()
    {
        var actions = new[] { Add(Entity("one")), Add(Entity("one")), Add(Entity("two")) };

        var violation = await AssertRefusedAsync(AzureRule.TableBatchMixedPartitions, () => Guarded.SubmitTransactionAsync(actions));
        await Plain.SubmitTransactionAsync(actions);

        Assert.Equal("operation 3 of 3 (POST): PartitionKey 'two' after 'one'", violation.Detail);
    }

    [Fact]
    public async Task BatchTouchingAnEntityTwice_IsRefused()
    {
        var entity = Entity("twice", "same");
        var actions = new[]
        {
            Add(entity),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
            new TableTransactionAction(TableTransactionActionType.Delete, Entity("twice", "same")),
        };

        var violation = await AssertRefusedAsync(AzureRule.TableBatchDuplicateEntity, () => Guarded.SubmitTransactionAsync(actions));

        Assert.StartsWith("operation 2 of 3 (PATCH)", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchOperationsAreCheckedLikeSingleRequests_InBodyAndUrl()
    {
        var old = Entity("old");
        old["NotBeforeUtc"] = DateTimeOffset.MinValue;

        var dated = await AssertRefusedAsync(AzureRule.TableDateTimeOutOfRange,
            () => Guarded.SubmitTransactionAsync([Add(Entity("old")), Add(old)]));
        var keyed = await AssertRefusedAsync(AzureRule.TableKeyInvalidCharacter,
            () => Guarded.SubmitTransactionAsync([Add(Entity("k")), new TableTransactionAction(TableTransactionActionType.Delete, Entity("k", "a#b"))]));
        await Plain.SubmitTransactionAsync([Add(Entity("old")), Add(old)]);

        Assert.StartsWith("operation 2 of 2 (POST): property NotBeforeUtc = 0001-01-01", dated.Detail, StringComparison.Ordinal);
        Assert.StartsWith("operation 2 of 2 (DELETE): RowKey in the URL = 'a#b'", keyed.Detail, StringComparison.Ordinal);
    }

    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    private static TableEntity Stamped(TableEntity entity)
    {
        entity["At"] = DateTimeOffset.UtcNow;
        entity["Note"] = "it's a \"batch\" --batch_ line";
        return entity;
    }
}
