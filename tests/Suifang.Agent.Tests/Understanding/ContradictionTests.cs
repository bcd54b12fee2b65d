using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Contradictions inside one call are detected so the agent can ask to clarify (7.3.1.2 c).</summary>
public sealed class ContradictionTests
{
    private static IReadOnlyList<UtteranceUnderstanding> Call(params string[] said) =>
        said.Select(s => Shipped.Understand(s, Open())).ToList();

    [Fact]
    public void No_fever_then_a_fever_of_39_degrees_is_a_contradiction_about_fever()
    {
        var c = Assert.Single(ContradictionDetector.Check(Call("没发烧", "昨天烧到39度")));
        Assert.Equal("发热", c.Term);
        Assert.Equal("没发烧", c.Earlier);
        Assert.Contains("发热", c.Clarify);
    }

    [Fact]
    public void A_symptom_said_present_then_absent_is_a_contradiction()
    {
        var c = Assert.Single(ContradictionDetector.Check(Call("伤口有点红", "伤口不红")));
        Assert.Equal("伤口发红", c.Term);
    }

    [Fact]
    public void Consistent_statements_are_not_contradictions()
    {
        Assert.Empty(ContradictionDetector.Check(Call("没发烧", "体温三十六度五", "也不咳嗽")));
        Assert.Empty(ContradictionDetector.Check(Call("头有点疼", "还是疼")));
    }

    [Fact]
    public void An_uncertain_reply_contradicts_nothing()
    {
        Assert.Empty(ContradictionDetector.Check(Call("没发烧", "发没发烧说不好")));
    }
}
