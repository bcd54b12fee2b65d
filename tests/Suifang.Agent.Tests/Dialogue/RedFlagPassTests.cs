using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>The high-recall pass after the call: in doubt, raise.</summary>
public sealed class RedFlagPassTests
{
    private static List<Escalation> Run(string text, UtteranceUnderstanding? u = null, ISet<string>? settled = null) =>
        RedFlagPass.Run([new HeardTurn(3, text, null, u)], settled ?? new HashSet<string>(), new HashSet<string>()).ToList();

    [Theory]
    [InlineData("也没啥就是有时候胸口疼", "胸痛")]
    [InlineData("不是不胸闷，偶尔有一点", "胸痛")]
    [InlineData("大便有点发黑", "出血")]
    [InlineData("大便是黑的", "出血")]
    [InlineData("爬两层楼就喘不上气", "呼吸困难")]
    [InlineData("有时候觉得活着没意思", "自杀念头")]
    [InlineData("没有胸痛，但是昨天晕倒了一次", "晕厥或意识不清")]
    public void Red_flags_are_raised_even_in_negated_looking_sentences(string text, string flag)
    {
        var e = Assert.Single(Run(text));
        Assert.Equal(("red-flag", true, 3, text), (e.Kind, e.Urgent, e.Turn, e.Said));
        Assert.Contains(flag, e.Reason);
    }

    [Theory]
    [InlineData("没有胸痛")]
    [InlineData("没再出血了")]
    [InlineData("胸口不疼，也不喘")]
    [InlineData("伤口有点红")]
    public void A_clear_negation_or_no_red_flag_raises_nothing(string text) => Assert.Empty(Run(text));

    [Fact]
    public void A_mention_the_understanding_marked_absent_is_still_raised_when_the_words_leave_doubt()
    {
        var u = Calls.Symptom("就是有时候胸口疼", "胸痛", "胸口疼", SymptomStatus.Absent);
        Assert.Single(Run(u.Text, u));
    }

    [Fact]
    public void A_red_flag_mention_the_understanding_found_is_raised_even_in_words_the_lexicon_lacks()
    {
        var u = Calls.Symptom("心里头揪着难受", "胸痛", "揪着难受", SymptomStatus.Uncertain);
        Assert.Single(Run(u.Text, u));
    }

    [Fact]
    public void A_red_flag_the_script_asked_and_recorded_is_not_raised_again() =>
        Assert.Empty(Run("有时候胸口疼", settled: new HashSet<string> { "胸痛" }));

    [Fact]
    public void Each_red_flag_is_raised_once_per_call()
    {
        var turns = new[] { new HeardTurn(2, "胸口疼", null, null), new HeardTurn(5, "还是胸口疼", null, null) };
        Assert.Equal([2], RedFlagPass.Run(turns, new HashSet<string>(), new HashSet<string>()).Select(e => e.Turn));
    }
}
