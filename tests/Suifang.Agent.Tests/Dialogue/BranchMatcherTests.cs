using Suifang.Agent.Dialogue;

namespace Suifang.Agent.Tests.Dialogue;

public sealed class BranchMatcherTests
{
    [Theory]
    [InlineData("yes", "yes", true)]
    [InlineData("yes", "no", false)]
    [InlineData("按时服用", "按时服用", true)]
    [InlineData(">=38.5", "38.5", true)]
    [InlineData(">=38.5", "38.4", false)]
    [InlineData("<90", "85", true)]
    [InlineData("==0", "0", true)]
    [InlineData(">=38.5", "uncertain", false)]
    [InlineData(">=140/90", "150/80", true)]
    [InlineData(">=140/90", "130/95", true)]
    [InlineData(">=140/90", "130/80", false)]
    [InlineData("<90/60", "85/55", true)]
    [InlineData("<90/60", "85/65", false)]
    public void Conditions_match_normalised_answers(string when, string value, bool matches) =>
        Assert.Equal(matches, BranchMatcher.Matches(when, value));

    [Fact]
    public void The_first_matching_branch_wins()
    {
        var q = Calls.Temperature with { Branches = [new(">=39", "高烧"), new(">=38", "发烧")] };
        Assert.Equal("高烧", BranchMatcher.Match(q, "39.2")?.Say);
        Assert.Equal("发烧", BranchMatcher.Match(q, "38.2")?.Say);
        Assert.Null(BranchMatcher.Match(q, "36.8"));
    }
}
