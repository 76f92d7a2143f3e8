using Azure.Data.Tables;
using Reporting.Storage.AzureRules;

namespace Reporting.Storage.Tests;

public sealed partial class AzureRulesPolicyTests
{
    [Theory]
    [InlineData('/')]
    [InlineData('\\')]
    [InlineData('#')]
    [InlineData('?')]
    [InlineData(0x00)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    [InlineData(0x9F)]
    public async Task KeyWithForbiddenCharacter_InTheBody_IsRefused(int character)
    {
        var key = $"a{(char)character}b";

        await AssertRefusedAsync(AzureRule.TableKeyInvalidCharacter, () => Guarded.AddEntityAsync(Entity(partitionKey: key)));
        var violation = await AssertRefusedAsync(AzureRule.TableKeyInvalidCharacter, () => Guarded.AddEntityAsync(Entity(rowKey: key)));

        Assert.Contains($"U+{character:X4} at index 1", violation.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('/')]
    [InlineData('#')]
    [InlineData(0x01)]
    public async Task KeyWithForbiddenCharacter_InTheUrlOnly_IsRefused(int character)
    {
        var key = $"it's{(char)character}x";

        var deleted = await AssertRefusedAsync(AzureRule.TableKeyInvalidCharacter, () => Guarded.DeleteEntityAsync("p", key));
        await AssertRefusedAsync(AzureRule.TableKeyInvalidCharacter, () => Guarded.GetEntityIfExistsAsync<TableEntity>(key, "r"));

        Assert.Equal("DELETE", deleted.Method);
        Assert.StartsWith("RowKey in the URL = 'it's", deleted.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('~')]
    [InlineData(0xA0)]
    [InlineData('\'')]
    [InlineData('é')]
    public async Task KeyWithAllowedCharacter_IsStoredAndReadBack(int character)
    {
        var key = $"a{(char)character}''b";

        await Guarded.UpsertEntityAsync(Entity(key, key));
        var read = await Guarded.GetEntityAsync<TableEntity>(key, key);
        await Guarded.DeleteEntityAsync(key, key);

        Assert.Equal(key, read.Value.RowKey);
        Assert.Empty(_violations.All);
    }

    [Fact]
    public async Task KeyOver512Characters_IsRefused_512IsStored()
    {
        var longest = new string('k', 512);

        await AssertRefusedAsync(AzureRule.TableKeyTooLong, () => Guarded.AddEntityAsync(Entity(partitionKey: longest + "k")));
        await AssertRefusedAsync(AzureRule.TableKeyTooLong, () => Guarded.AddEntityAsync(Entity(rowKey: longest + "k")));
        await AssertRefusedAsync(AzureRule.TableKeyTooLong, () => Guarded.DeleteEntityAsync("p", longest + "k"));
        await Guarded.AddEntityAsync(Entity(longest, longest));

        Assert.Empty(_violations.All);
    }

    [Fact]
    public async Task MoreThan252CustomProperties_IsRefused_ButAzuriteStoresIt()
    {
        var entity = WithProperties(Entity(), 253, i => i);

        var violation = await AssertRefusedAsync(AzureRule.TableTooManyProperties, () => Guarded.AddEntityAsync(entity));
        await Plain.AddEntityAsync(entity);

        Assert.StartsWith("253 custom properties", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly252CustomPropertiesOfEveryType_AreStored()
    {
        var entity = WithProperties(Entity(), 252, i => (i % 7) switch
        {
            0 => (object)i,
            1 => (long)i,
            2 => i / 3.0,
            3 => Guid.NewGuid(),
            4 => DateTimeOffset.UnixEpoch.AddDays(i),
            5 => new byte[] { (byte)i },
            _ => i % 2 == 0,
        });

        await Guarded.AddEntityAsync(entity);

        Assert.Empty(_violations.All);
    }

    [Fact]
    public async Task EntityOver1MiBByTheDocumentedFormula_IsRefused_ButAzuriteStoresIt()
    {
        var entity = WithProperties(Entity(), 20, _ => new string('x', 30_000)); // 20 × (8 + 2 × 4 + 60,004) > 1 MiB

        var violation = await AssertRefusedAsync(AzureRule.TableEntityTooLarge, () => Guarded.AddEntityAsync(entity));
        await Plain.AddEntityAsync(entity);

        Assert.StartsWith("1,200,", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StringOver64KiB_IsRefused_64KiBIsStored()
    {
        var largest = new string('s', 32 * 1024);

        await AssertRefusedAsync(AzureRule.TablePropertyTooLarge, () => Guarded.AddEntityAsync(EntityWith("Text", largest + "s")));
        await AssertRefusedAsync(AzureRule.TablePropertyTooLarge, () => Guarded.AddEntityAsync(EntityWith("Data", new byte[64 * 1024 + 1])));
        var stored = EntityWith("Text", largest);
        stored["Data"] = new byte[64 * 1024];
        await Guarded.AddEntityAsync(stored);

        Assert.Empty(_violations.All);
    }

    private static TableEntity EntityWith(string property, object value)
    {
        var entity = Entity();
        entity[property] = value;
        return entity;
    }

    private static TableEntity WithProperties(TableEntity entity, int count, Func<int, object> value)
    {
        for (var i = 0; i < count; i++)
        {
            entity[$"P{i:000}"] = value(i);
        }

        return entity;
    }
}
