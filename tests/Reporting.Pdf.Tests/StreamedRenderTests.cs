using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

/// <summary>A PDF rendered into a file (as the publisher renders every PDF) is the PDF rendered in memory.</summary>
public sealed class StreamedRenderTests
{
    private static readonly ScorecardPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    [Fact]
    public void RenderIntoAFile_GivesTheBytesRenderedInMemory()
    {
        var scorecard = SampleOrganisation.Scorecard(new Period(2026, 10));
        var department = scorecard.Departments[2];

        Assert.Equal(Renderer.RenderLeadershipPack(scorecard), RenderedInFile(file => Renderer.RenderLeadershipPack(scorecard, file)));
        Assert.Equal(Renderer.RenderDepartment(scorecard, department), RenderedInFile(file => Renderer.RenderDepartment(scorecard, department, file)));
    }

    [Fact]
    public async Task RenderingThePackAndDepartmentsAtTheSameTime_GivesTheBytesRenderedOneAtATime()
    {
        // The publisher renders the pack on a thread of its own while the departments' PDFs render on another.
        var scorecard = SampleOrganisation.Scorecard(new Period(2026, 10));
        var alone = new[] { Renderer.RenderLeadershipPack(scorecard) }.Concat(scorecard.Departments.Select(d => Renderer.RenderDepartment(scorecard, d))).ToList();

        for (var round = 0; round < 3; round++)
        {
            var pack = Task.Run(() => Renderer.RenderLeadershipPack(scorecard));
            var departments = scorecard.Departments.AsParallel().AsOrdered().WithDegreeOfParallelism(3).Select(d => Renderer.RenderDepartment(scorecard, d)).ToList();

            Assert.Equal(alone[0], await pack);
            Assert.Equal(alone.Skip(1), departments);
        }
    }

    [Fact]
    public void RenderIntoAStreamThatIsNotEmptyOrCannotSeek_IsRefusedBeforeRendering()
    {
        var scorecard = SampleOrganisation.Scorecard(new Period(2026, 10));
        using var used = new MemoryStream([1, 2, 3]);
        using var readOnly = new MemoryStream([], writable: false);

        var refused = Assert.Throws<ArgumentException>(() => Renderer.RenderLeadershipPack(scorecard, used));
        Assert.Throws<ArgumentException>(() => Renderer.RenderDepartment(scorecard, scorecard.Departments[0], readOnly));

        Assert.StartsWith("A PDF is rendered into an empty stream that can be read, written and sought.", refused.Message);
        Assert.Equal([1, 2, 3], used.ToArray());
    }

    private static byte[] RenderedInFile(Action<Stream> render)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reporting-test-{Guid.NewGuid():N}.pdf");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                render(file);
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
