using System.Text.Json;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("reporting-demo-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Demo_FreshEmulator_IngestsTheSamplesThroughTheTriggerAndWritesTheScorecards()
    {
        var result = await CliProcess.RunAsync("demo", "--out", _out);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("95 accepted", result.Output);
        Assert.Contains("Sales's upload page", result.Output);
        Assert.Contains("-sales/.page/index.html?", result.Output);
        var folder = Path.Combine(_out, "2026-10");
        var leadership = File.ReadAllBytes(Path.Combine(folder, "leadership.pdf"));
        var text = PdfText.Extract(leadership);
        Assert.Equal(10, PdfText.PageCount(text)); // summary, the path and roadmap page, one page per department
        Assert.Contains("Are we closer?", text);
        Assert.Contains("Northwind Traders", text);
        Assert.Contains("Product Development & Business Intelligence", text);
        Assert.Equal(8, Directory.GetFiles(folder, "*.pdf").Length - 1);

        var scorecard = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "scorecard.json"))).RootElement;
        Assert.Equal("2026-10", scorecard.GetProperty("period").GetString());
        var statuses = scorecard.GetProperty("departments").EnumerateArray()
            .SelectMany(d => d.GetProperty("kpis").EnumerateArray()).Select(k => k.GetProperty("status").GetString()).ToHashSet();
        Assert.Equal(["amber", "green", "missing", "red"], statuses.Order());

        // The sample uploads declare when they were received (samples/submissions/received-times.txt): only PR's
        // October file came after the 2026-11-05 deadline, and Product Development sent nothing, so it is missing, not late.
        var late = scorecard.GetProperty("summary").GetProperty("departmentsLate").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Equal(["pr"], late);
        Assert.Equal(["pr"], scorecard.GetProperty("departments").EnumerateArray().Where(d => d.GetProperty("late").GetBoolean()).Select(d => d.GetProperty("id").GetString()));
        Assert.Contains("Late: PR & Communications (received 2026-11-07)", text);
        Assert.Contains("Late (1): pr, received after the 2026-11-05 deadline", result.Output);
        Assert.Contains("leadership.pdf", result.Output);

        // The render mailed the leadership list and the eight owners through the demo's own maildev; each message is kept as .eml.
        Assert.Contains("11 of 11 messages arrived at the local mail server", result.Output);
        var mail = Directory.GetFiles(Path.Combine(_out, "mail"), "*.eml");
        Assert.Equal(11, mail.Length);
        var ceo = File.ReadAllText(mail.Single(f => f.EndsWith("-ceo.eml", StringComparison.Ordinal)));
        Assert.Contains("To: ceo@northwind.example.org", ceo);
        Assert.Contains("Subject: Northwind Traders scorecard, October 2026", ceo);
        Assert.Contains("filename=leadership.pdf", ceo);
    }

    [Fact]
    public async Task Demo_ReceivedTimesLineNotAnInstant_SaysWhichLineAndStartsNothing()
    {
        var samples = Directory.CreateDirectory(Path.Combine(_out, "samples"));
        File.Copy(RepositoryFiles.Path("samples", "strategy.yaml"), Path.Combine(samples.FullName, "strategy.yaml"));
        var sales = Directory.CreateDirectory(Path.Combine(samples.FullName, "submissions", "sales"));
        File.Copy(RepositoryFiles.Path("samples", "submissions", "sales", "2026-10.csv"), Path.Combine(sales.FullName, "2026-10.csv"));
        File.WriteAllText(Path.Combine(samples.FullName, "submissions", "received-times.txt"), "# times\nsales/2026-10.csv  last tuesday\n");

        var result = await CliProcess.RunAsync("demo", "--samples", samples.FullName, "--out", Path.Combine(_out, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("received-times.txt, line 2: expected '<department>/<file> <instant>'", result.All);
        Assert.Contains("not 'sales/2026-10.csv  last tuesday'", result.All);
        Assert.DoesNotContain("Azurite", result.Output);
    }
}
