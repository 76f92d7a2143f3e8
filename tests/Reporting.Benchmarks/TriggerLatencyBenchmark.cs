using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Hosting;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>Upload-to-answer latency through the local runner with its defaults (the safety net every second, host.json's queue polling).</summary>
internal static class TriggerLatencyBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(string connection, BenchmarkSettings settings, Period period)
    {
        var account = BenchmarkStorage.Account(connection, "latency");
        var departments = Enumerable.Range(1, settings.LatencyUploads).Select(d => GeneratedOrganisation.DepartmentId(d)).ToList();
        await account.EnsureCreatedAsync(departments);
        await new StrategyBlob(account).WriteAsync(GeneratedOrganisation.StrategyYaml(settings.LatencyUploads, 5), default);
        using var host = Reporting.LocalRunner.LocalRunnerHost.CreateBuilder([], BenchmarkStorage.Settings(account)).Build();
        await host.StartAsync();
        var blobs = new SubmissionBlobs(account);

        var sequential = new List<double>();
        foreach (var department in departments)
        {
            sequential.Add(await UploadAndWaitAsync(blobs, department, $"{period}.csv", period));
        }

        var concurrent = await Task.WhenAll(departments.Select(d => UploadAndWaitAsync(blobs, d, $"{period.Previous()}.csv", period.Previous())));
        await host.StopAsync();

        var p95 = Percentiles.Of(sequential, 95);
        return
        [
            new("2. Trigger latency", $"{settings.LatencyUploads} uploads one after another: p50 / p95", $"{Percentiles.Of(sequential, 50):0.00} s / {p95:0.00} s", "p95 < 2 s", p95 < 2 ? "met" : "missed"),
            new("2. Trigger latency", $"{settings.LatencyUploads} uploads at once: p50 / p95", $"{Percentiles.Of(concurrent, 50):0.00} s / {Percentiles.Of(concurrent, 95):0.00} s", "", ""),
        ];
    }

    private static async Task<double> UploadAndWaitAsync(SubmissionBlobs blobs, string department, string name, Period period)
    {
        var csv = Encoding.UTF8.GetBytes(GeneratedOrganisation.SubmissionCsv(period, 5, 3));
        await blobs.UploadAsync(department, name, new MemoryStream(csv), default);
        var watch = Stopwatch.StartNew(); // from the moment the upload is stored
        while (await blobs.ReadResultJsonAsync(department, name, default) is null)
        {
            await Task.Delay(20);
        }

        return watch.Elapsed.TotalSeconds;
    }
}
