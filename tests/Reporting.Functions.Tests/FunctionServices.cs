using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

/// <summary>
/// The Function App's real registrations (<see cref="ReportingFunctionsServiceCollectionExtensions.AddReportingFunctions"/>)
/// on the fixture's Azurite, with the test's storage names and clock, and a function class made from them as the worker makes it.
/// </summary>
internal sealed class FunctionServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FunctionServices(ServiceProvider services, ReportingStorageAccount account, List<(string, Period)> accepted) =>
        (_services, Account, Accepted) = (services, account, accepted);

    public ReportingStorageAccount Account { get; }

    /// <summary>Every accepted notification the Application layer sent: one per upload put in force.</summary>
    public List<(string Department, Period Period)> Accepted { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The function class, constructed by DI from the registrations, as the worker constructs it per invocation.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public static async Task<FunctionServices> StartAsync(AzuriteFixture azurite, Dictionary<string, string?>? extra = null)
    {
        var account = TestStorage.Account(azurite);
        var settings = TestStorage.Settings(account);
        settings[TestClock.Key] = TestClock.NowText;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var accepted = new List<(string, Period)>();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddReportingFunctions(configuration)
            .AddSingleton(account.RuleViolations)
            .AddSingleton<ISubmissionAcceptedHandler>(new Counting(accepted))
            .BuildServiceProvider();
        await account.EnsureCreatedAsync(["sales", "hr"]);
        await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml")), default);
        return new FunctionServices(services, account, accepted);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        AzureRulesAssert.NoneIn(Account.RuleViolations, "the functions");
    }

    private sealed class Counting(List<(string, Period)> accepted) : ISubmissionAcceptedHandler
    {
        public Task OnAcceptedAsync(string department, Period period, CancellationToken cancellationToken)
        {
            lock (accepted)
            {
                accepted.Add((department, period));
            }

            return Task.CompletedTask;
        }
    }
}
