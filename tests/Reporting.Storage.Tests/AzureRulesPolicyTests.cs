using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Reporting.Storage.AzureRules;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

/// <summary>
/// The policy against a real Azurite: each rule refused before sending and recorded, the same request accepted by
/// Azurite without the policy where Azurite is laxer than Azure, and ordinary traffic passing untouched.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AzureRulesPolicyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzureRuleViolations _violations = new();
    private readonly string _name = "rules" + Guid.NewGuid().ToString("N")[..12];

    private TableClient Guarded => Table(HttpPipelinePosition.PerCall);
    private TableClient Plain => Table();

    public async Task InitializeAsync()
    {
        await Plain.CreateIfNotExistsAsync();
        await Container().CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Plain.DeleteAsync();
        await Container().DeleteIfExistsAsync();
    }

    private TableClient Table(params HttpPipelinePosition[] policyPositions)
    {
        var options = new TableClientOptions();
        foreach (var position in policyPositions)
        {
            options.AddPolicy(new AzureRulesPolicy(_violations), position);
        }

        return new TableClient(azurite.ConnectionString, _name, options);
    }

    private BlobContainerClient Container(bool guarded = false)
    {
        var options = new BlobClientOptions();
        if (guarded)
        {
            options.AddPolicy(new AzureRulesPolicy(_violations), HttpPipelinePosition.PerCall);
        }

        return new BlobContainerClient(azurite.ConnectionString, _name, options);
    }

    private static TableEntity Entity(string partitionKey = "p", string? rowKey = null) => new(partitionKey, rowKey ?? Guid.NewGuid().ToString("N"));

    private async Task<AzureRuleViolation> AssertRefusedAsync(AzureRule rule, Func<Task> send)
    {
        var refused = await Assert.ThrowsAsync<AzureRuleViolationException>(send);
        Assert.Equal(rule, refused.Violation.Rule);
        Assert.Equal(refused.Violation, Assert.Single(_violations.All));
        Assert.Empty(refused.Violation.Uri.Query);
        Assert.Contains(rule.ToString(), refused.Message, StringComparison.Ordinal);
        _violations.Clear();
        return refused.Violation;
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1600-12-31T23:59:59.9999999Z")]
    [InlineData("1066-10-14T12:00:00+01:00")]
    public async Task DateTimeBefore1601_IsRefusedWithTheRuleAndTheValueInTheMessage(string value)
    {
        var entity = Entity();
        entity["NotBeforeUtc"] = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Assert.ThrowsAsync<AzureRuleViolationException>(() => Guarded.AddEntityAsync(entity));

        Assert.Equal(AzureRule.TableDateTimeOutOfRange, refused.Violation.Rule);
        Assert.Equal("POST", refused.Violation.Method);
        Assert.Contains("Azure Table Storage refuses DateTime values before 1601-01-01", refused.Message, StringComparison.Ordinal);
        Assert.Contains("property NotBeforeUtc = ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Violation, Assert.Single(_violations.All));
    }

    [Theory]
    [InlineData(Write.Add)]
    [InlineData(Write.UpsertReplace)]
    [InlineData(Write.UpsertMerge)]
    [InlineData(Write.UpdateMerge)]
    public async Task DateTimeMinValue_IsRefusedOnEveryWrite(Write write)
    {
        var entity = Entity();
        entity["When"] = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

        var violation = await AssertRefusedAsync(AzureRule.TableDateTimeOutOfRange, () => SendAsync(Guarded, entity, write));

        Assert.Equal("property When = 0001-01-01T00:00:00.0000000Z", violation.Detail);
    }

    [Theory]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:59:59.9999999-01:00")]
    [InlineData("10000-01-01T00:00:00Z")]
    public async Task DateTimeBeyondEitherEndInUtc_IsRefused(string value)
    {
        var entity = Entity();
        entity["When"] = value;
        entity["When@odata.type"] = "Edm.DateTime";

        var violation = await AssertRefusedAsync(AzureRule.TableDateTimeOutOfRange, () => Guarded.AddEntityAsync(entity));

        Assert.Equal($"property When = {value}", violation.Detail);
    }

    [Fact]
    public async Task DateTimeMinValue_WithoutThePolicy_AzuriteStoresIt()
    {
        var entity = Entity();
        entity["NotBeforeUtc"] = DateTimeOffset.MinValue;

        await Plain.AddEntityAsync(entity);

        var stored = await Plain.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey);
        Assert.Equal(DateTimeOffset.MinValue, stored.Value.GetDateTimeOffset("NotBeforeUtc"));
    }

    [Fact]
    public void DateTimeMinValue_SynchronousCall_IsRefusedToo()
    {
        var entity = Entity();
        entity["NotBeforeUtc"] = DateTimeOffset.MinValue;

        var refused = Assert.Throws<AzureRuleViolationException>(() => Guarded.AddEntity(entity));

        Assert.Equal(AzureRule.TableDateTimeOutOfRange, refused.Violation.Rule);
    }

    public enum Write { Add, UpsertReplace, UpsertMerge, UpdateMerge }

    private static Task SendAsync(TableClient table, TableEntity entity, Write write) => write switch
    {
        Write.Add => table.AddEntityAsync(entity),
        Write.UpsertReplace => table.UpsertEntityAsync(entity, TableUpdateMode.Replace),
        Write.UpsertMerge => table.UpsertEntityAsync(entity, TableUpdateMode.Merge),
        _ => table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge),
    };
}
