using Reporting.Storage.AzureRules;
using Reporting.LocalDev;

using Xunit;

namespace Reporting.Testing;

/// <summary>
/// A real Azurite for a test class or collection: installed with npm ci when missing, started on free loopback
/// ports with in-memory storage, stopped at the end. Tests never assume an emulator is already running.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteEmulator? _emulator;

    public string ConnectionString => _emulator?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started");

    public int BlobPort => _emulator?.BlobPort ?? 0;

    /// <summary>
    /// Every request that Azure Storage would refuse, from every account the tests made on this emulator
    /// (<see cref="TestStorage"/>). The fixture fails the tests that share it if any was made, even one the code swallowed.
    /// </summary>
    public AzureRuleViolations Violations { get; } = new();

    public async Task InitializeAsync() => _emulator = await AzuriteEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        AzureRulesAssert.NoneIn(Violations, "the tests on this emulator");
    }
}
