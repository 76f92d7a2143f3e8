using System.Text.Json;
using Reporting.Core.Wording;
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

        await AssertRenderedMailAsync(mail, scorecard);
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

    // The CEO's and Sales's messages as a reader sees them: headless Chromium at phone and desktop width, every figure
    // checked against the demo's own scorecard.json. The screenshots stay in the temp folder to be looked at.
    private static async Task AssertRenderedMailAsync(string[] mail, JsonElement scorecard)
    {
        var months = scorecard.GetProperty("path").GetProperty("months").EnumerateArray().ToList();
        var deadline = scorecard.GetProperty("submissionDeadline").GetString();
        var departments = scorecard.GetProperty("departments").EnumerateArray().ToList();
        var ceo = await MailBrowser.RenderAsync(mail.Single(f => f.EndsWith("-ceo.eml", StringComparison.Ordinal)), Path.Combine(Path.GetTempPath(), "demo-mail-ceo"));
        foreach (var (view, width) in new[] { (ceo.GetProperty("phone"), 400), (ceo.GetProperty("desktop"), 1024) })
        {
            Assert.Equal($"Are we closer? {Share(months[^1])} of KPIs on track in October, down from {Share(months[^2])} in September ({Share(months[0])} in November 2025)", view.GetProperty("firstLine").GetString());
            var expected = departments.Select(d =>
            {
                var statuses = d.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("status").GetString()!).ToList();
                var counts = string.Join(", ", new[] { "green", "amber", "red", "missing" }.Select(s => (Count: statuses.Count(x => x == s), Word: Word(s).ToLowerInvariant())).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Word}"));
                var detail = !d.GetProperty("submitted").GetBoolean() ? $"missing: no figures received by the deadline, {deadline} ({statuses.Count} KPIs)"
                    : d.GetProperty("late").GetBoolean() ? $"{counts}; late: received {d.GetProperty("receivedOn").GetString()}, after the deadline {deadline}"
                    : counts;
                return $"{Word(d.GetProperty("status").GetString()!)} {d.GetProperty("name").GetString()} {detail}";
            });
            Assert.Equal(expected, Rows(view, "Departments"));
            Assert.Empty(view.GetProperty("fetched").EnumerateArray());
            Assert.InRange(view.GetProperty("scrollWidth").GetInt32(), 1, width); // nothing wider than the screen
        }

        Assert.Equal("Are we closer? 47% of KPIs on track in October, down from 53% in September (24% in November 2025)", ceo.GetProperty("phone").GetProperty("firstLine").GetString());
        Assert.Contains("Off track PR & Communications 2 on track, 1 at risk, 1 off track; late: received 2026-11-07, after the deadline 2026-11-05", Rows(ceo.GetProperty("desktop"), "Departments"));
        Assert.Equal(640, ceo.GetProperty("desktop").GetProperty("cardWidth").GetDouble());
        Assert.InRange(ceo.GetProperty("phone").GetProperty("cardWidth").GetDouble(), 300, 400);

        var sales = await MailBrowser.RenderAsync(mail.Single(f => f.EndsWith("-amara.okafor.eml", StringComparison.Ordinal)), Path.Combine(Path.GetTempPath(), "demo-mail-sales"));
        var salesJson = departments.Single(d => d.GetProperty("id").GetString() == "sales");
        var definitions = SampleOrganisation.Strategy().FindDepartment("sales")!;
        foreach (var view in new[] { sales.GetProperty("phone"), sales.GetProperty("desktop") })
        {
            var kpis = salesJson.GetProperty("kpis").EnumerateArray().ToList();
            Assert.StartsWith($"Sales, October 2026: {kpis.Count(k => k.GetProperty("status").GetString() == "green")} of 4 KPIs on track", view.GetProperty("firstLine").GetString());
            var rows = Rows(view, "Your KPIs, those needing attention first");
            Assert.Equal(4, rows.Count);
            Assert.All(kpis, k =>
            {
                var unit = definitions.FindKpi(k.GetProperty("id").GetString()!)!.Unit;
                var row = $"{Word(k.GetProperty("status").GetString()!)} {k.GetProperty("name").GetString()} actual {FigureFormat.Value(k.GetProperty("actual").GetDouble(), unit)}, target {FigureFormat.Value(k.GetProperty("target").GetDouble(), unit)}, {FigureFormat.Change(k.GetProperty("changeOnPreviousMonth").GetDouble(), unit)} on last month ({k.GetProperty("changeOnLastMonth").GetString()})";
                Assert.Contains(row, rows);
            });
            Assert.StartsWith("At risk ", rows[0]);
            Assert.Contains(view.GetProperty("links").EnumerateArray(), a => a.GetProperty("text").GetString() == "Open your upload page for October 2026" && a.GetProperty("href").GetString()!.Contains("-sales/.page/index.html?", StringComparison.Ordinal));
            Assert.Empty(view.GetProperty("fetched").EnumerateArray());
        }
    }

    private static List<string> Rows(JsonElement view, string section) =>
        view.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("title").GetString() == section).GetProperty("rows").EnumerateArray().Select(r => r.GetString()!).ToList();

    private static string Share(JsonElement month) => $"{Math.Round(month.GetProperty("shareOnTrack").GetDouble() * 100, MidpointRounding.AwayFromZero)}%";

    private static string Word(string status) => status switch
    {
        "green" => "On track",
        "amber" => "At risk",
        "red" => "Off track",
        _ => "Missing",
    };
}
