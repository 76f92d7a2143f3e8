using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

public sealed class SubmissionStatusWordsTests
{
    [Theory]
    [InlineData(SubmissionStatus.Accepted, "accepted")]
    [InlineData(SubmissionStatus.Rejected, "rejected")]
    [InlineData(SubmissionStatus.Poisoned, "poisoned")]
    [InlineData(SubmissionStatus.Superseded, "superseded")]
    [InlineData(SubmissionStatus.Unchanged, "unchanged")]
    public void EveryStatus_HasItsWord_AndReadsBack(SubmissionStatus status, string word)
    {
        Assert.Equal(word, status.Word());
        Assert.Equal(status, SubmissionStatusWords.Parse(word));
    }

    [Fact]
    public void EveryStatus_IsCovered() =>
        Assert.Equal(Enum.GetValues<SubmissionStatus>().Length, Enum.GetValues<SubmissionStatus>().Select(s => s.Word()).Distinct().Count());

    [Theory]
    [InlineData("Accepted")]
    [InlineData("pending")]
    [InlineData("")]
    public void AnyOtherWord_IsRefusedByName(string word)
    {
        var error = Assert.Throws<FormatException>(() => SubmissionStatusWords.Parse(word));
        Assert.Contains($"'{word}'", error.Message, StringComparison.Ordinal);
    }
}
