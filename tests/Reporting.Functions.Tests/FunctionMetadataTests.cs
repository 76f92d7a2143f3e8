using System.Text.Json;
using NCrontab;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK generated at build time, read as the Functions host indexes the app: every function
/// with its trigger, queue or schedule, and connection; nothing Flex Consumption or the host would refuse.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly JsonElement[] Functions = [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray()];

    public static TheoryData<string, string, string, string?> Expected => new()
    {
        { nameof(IngestSubmission), "queueTrigger", "%SubmissionEventQueue%", "AzureWebJobsStorage" },
        { nameof(AnswerPoisonedSubmission), "queueTrigger", "%SubmissionEventQueue%-poison", "AzureWebJobsStorage" },
        { nameof(EnqueueUnansweredUploads), "timerTrigger", "%SafetyNetSchedule%", null },
        { nameof(MonthlyScorecards), "timerTrigger", "%MonthlyCheckSchedule%", null },
        { nameof(SendDeadlineReminders), "timerTrigger", "%ReminderSchedule%", null },
        { nameof(RetryUndeliveredMail), "timerTrigger", "%MailRetrySchedule%", null },
        { nameof(RefreshDepartmentPages), "timerTrigger", "%PageRefreshSchedule%", null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Function_HasItsTrigger_QueueOrSchedule_AndConnection(string name, string type, string queueOrSchedule, string? connection)
    {
        var function = Assert.Single(Functions, f => f.GetProperty("name").GetString() == name);
        var trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(queueOrSchedule, trigger.GetProperty(type == "queueTrigger" ? "queueName" : "schedule").GetString());
        Assert.Equal(connection, trigger.TryGetProperty("connection", out var c) ? c.GetString() : null);
        Assert.Equal($"Reporting.Functions.{name}.RunAsync", function.GetProperty("entryPoint").GetString());
        Assert.Equal("Reporting.Functions.dll", function.GetProperty("scriptFile").GetString());
    }

    [Fact]
    public void Metadata_HoldsExactlyTheExpectedFunctions()
    {
        Assert.Equal(Expected.Select(row => (string)row[0]).Order(), Functions.Select(f => f.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public void Metadata_HasNoPollingBlobTrigger_AndNoBlobPathWithTokensInItsContainer()
    {
        foreach (var binding in Functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray()))
        {
            var type = binding.GetProperty("type").GetString()!;
            if (type.StartsWith("blob", StringComparison.OrdinalIgnoreCase))
            {
                // Flex Consumption runs a blob trigger only with the Event Grid source; the host refuses {tokens} in a container name.
                Assert.True(type != "blobTrigger" || (binding.TryGetProperty("source", out var source) && source.GetString() == "EventGrid"), $"{type} polls");
                var container = binding.GetProperty("path").GetString()!.Split('/')[0];
                Assert.DoesNotContain("{", container, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(Functions, f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "blobTrigger"));
    }

    [Fact]
    public void EverySetting_TheTriggersName_HasItsAzureValue_AndEverySchedule_IsASixFieldUtcCron()
    {
        foreach (var binding in Functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray()))
        {
            foreach (var value in new[] { "queueName", "schedule" }.Where(p => binding.TryGetProperty(p, out _)).Select(p => binding.GetProperty(p).GetString()!))
            {
                var setting = value.Split('%')[1];
                Assert.True(FunctionSettings.Defaults.TryGetValue(setting, out var azure), $"{setting} has no value for Azure (FunctionSettings.Defaults, infra)");
                if (binding.TryGetProperty("schedule", out _))
                {
                    Assert.NotNull(CrontabSchedule.TryParse(azure, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
                }
            }
        }
    }

    [Fact]
    public void LocalSettingsExample_ForCoreTools_SetsEverySettingTheTriggersName()
    {
        var values = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("functions", "Reporting.Functions", "local.settings.example.json"))).RootElement.GetProperty("Values");

        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        foreach (var setting in FunctionSettings.Defaults.Keys)
        {
            Assert.True(values.TryGetProperty(setting, out _), setting);
        }
    }

    [Fact]
    public void HostJson_SetsTheQueueRulesOnPurpose()
    {
        var queues = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("host.json"))).RootElement.GetProperty("extensions").GetProperty("queues");

        // Event Grid writes plain JSON; the reader also takes Base64, so "none" hands either over as it is.
        Assert.Equal("none", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.True(TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void HostJson_IsCopiedBesideTheBinaries()
    {
        Assert.Equal(File.ReadAllText(RepositoryFiles.Path("host.json")), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }
}
