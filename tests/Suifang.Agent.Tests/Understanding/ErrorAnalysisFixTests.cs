using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>
/// The rule fixes found by the error analysis of the held-out split (docs/drafts/nlu-quality.md), each on new sentences:
/// negation scope (好几 is "several", 不如 is "would rather"), uncertainty words, keywords inside a symptom, and the
/// labelling rules of data/nlu/README.md applied after the classifier.
/// </summary>
public sealed class ErrorAnalysisFixTests
{
    [Theory]
    [InlineData("头晕了好几天了", "dizziness", "头晕")]
    [InlineData("腿肿了好几个礼拜", "leg_swelling", "水肿")]
    [InlineData("想想还不如死了好 省得拖累孩子", "mood_low", "自杀念头")]
    public void Several_and_would_rather_are_not_negations(string said, string question, string term) =>
        Assert.Equal(SymptomStatus.Present, Shipped.Understand(said, After(question)).StatusOf(term));

    [Fact]
    public void Healed_after_a_symptom_is_still_a_negation() =>
        Assert.Equal(SymptomStatus.Absent, Shipped.Understand("头晕早就好了", After("dizziness")).StatusOf("头晕"));

    [Theory]
    [InlineData("我也不太清楚")]
    [InlineData("不大清楚啊")]
    public void Not_quite_sure_is_uncertain_not_a_no(string said)
    {
        var u = Shipped.Understand(said, After("leg_swelling"));
        Assert.Equal(Intent.Uncertain, u.Intent);
        Assert.Equal(SymptomStatus.Uncertain, u.StatusOf("水肿"));
    }

    [Fact]
    public void A_global_keyword_inside_a_symptom_is_the_symptom()
    {
        // "听不清" is "I cannot hear you" — but "说话听不清楚" is slurred speech (言语不清), a red flag
        var u = Shipped.Understand("这两天他说话听不清楚 含含糊糊的", After("speech_problem"));
        Assert.NotEqual(Intent.AskRepeat, u.Intent);
        Assert.Equal(SymptomStatus.Present, u.StatusOf("言语不清"));
    }

    [Fact]
    public void Not_knowing_how_often_still_says_it_happened() =>
        Assert.Equal(SymptomStatus.Present, Shipped.Understand("吐是吐了 记不清几次", After("vomiting_times")).StatusOf("呕吐"));

    [Fact]
    public void A_second_term_of_the_question_said_present_is_a_yes()
    {
        var u = Shipped.Understand("疼是不疼 胸口老是发闷", After("chest_pain"));
        Assert.Equal(Intent.Affirm, u.Intent);
        Assert.Equal(SymptomStatus.Present, u.StatusOf("胸闷"));
    }

    [Fact]
    public void No_pain_without_a_score_is_a_no_and_no_attack_is_zero_minutes()
    {
        Assert.Equal(Intent.Deny, Shipped.Understand("现在一点也不疼了", After("pain_score")).Intent);
        var minutes = Shipped.Understand("没有发作过", After("chest_pain_minutes"));
        Assert.Equal(Intent.Inform, minutes.Intent);
        Assert.Equal(0, Assert.Single(minutes.Values).Number);
    }

    [Theory]
    [InlineData("他现在说话挺清楚的", "speech_problem", "言语不清")]
    [InlineData("以前渗过一点水 现在不渗了", "wound_discharge", "伤口渗液")]
    public void A_normal_state_or_a_symptom_gone_now_is_absent(string said, string question, string term) =>
        Assert.NotEqual(SymptomStatus.Present, Shipped.Understand(said, After(question)).StatusOf(term));

    [Fact]
    public void Asking_whether_it_is_normal_is_not_saying_it_is() =>
        Assert.Equal(SymptomStatus.Present, Shipped.Understand("大便是黑的 这正常吗", After("bleeding")).StatusOf("黑便"));
}
