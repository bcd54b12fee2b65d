using Suifang.Agent.Speech;

namespace Suifang.Agent.Tests.Speech;

/// Content safety (9.3.1) and plain wording (8.1.1, 8.3.2) of everything the agent says.
public sealed class SpeechGuardTests
{
    private readonly SpeechGuard _guard = new();

    [Fact]
    public void Plain_short_polite_prompt_passes_unchanged()
    {
        var result = _guard.Check("您好，请问您这两天还发烧吗？", SpokenTextOrigin.Generated);

        Assert.True(result.IsClean);
        Assert.False(result.Blocked);
        Assert.Equal("您好，请问您这两天还发烧吗？", result.Text);
    }

    [Theory]
    [InlineData("您每天吃两片阿司匹林就行。")]
    [InlineData("您可以把降压药停药了。")]
    [InlineData("您这是心肌炎，要注意休息。")]
    [InlineData("根据您说的情况，您得了肺炎。")]
    public void Generated_diagnosis_or_dosing_is_blocked_and_replaced_by_nurse_callback(string text)
    {
        var result = _guard.Check(text, SpokenTextOrigin.Generated);

        Assert.True(result.Blocked);
        Assert.Equal(_guard.Rules.Fallback, result.Text);
        var finding = Assert.Single(result.Findings, f => f.Kind == GuardFindingKind.MedicalAdvice);
        Assert.Contains("知识库", finding.Reason);
    }

    [Fact]
    public void Dosing_from_the_knowledge_base_may_be_spoken()
    {
        var result = _guard.Check("阿司匹林每天吃一片，饭后服用。", SpokenTextOrigin.KnowledgeBase);

        Assert.False(result.Blocked);
        Assert.Equal("阿司匹林每天吃一片，饭后服用。", result.Text);
    }

    [Theory]
    [InlineData("按时吃药，保证治愈。", SpokenTextOrigin.KnowledgeBase)]
    [InlineData("这个手术做完以后永不复发。", SpokenTextOrigin.Script)]
    [InlineData("放心吧，百分之百没事。", SpokenTextOrigin.Generated)]
    public void Promises_of_cure_are_blocked_from_any_source(string text, SpokenTextOrigin origin)
    {
        var result = _guard.Check(text, origin);

        Assert.True(result.Blocked);
        Assert.Contains(result.Findings, f => f.Kind == GuardFindingKind.CurePromise && f.Reason.Contains("承诺"));
    }

    [Theory]
    [InlineData("您这个老不死的还不吃药。")]
    [InlineData("你们这种人就是没文化。")]
    [InlineData("聋子也听得见吧。")]
    public void Abusive_or_discriminatory_words_are_blocked(string text)
    {
        var result = _guard.Check(text, SpokenTextOrigin.Script);

        Assert.True(result.Blocked);
        Assert.Contains(result.Findings, f => f.Kind == GuardFindingKind.Disrespect && f.Reason.Contains("歧视"));
    }

    [Fact]
    public void Id_and_phone_numbers_are_masked_but_the_text_is_still_spoken()
    {
        var result = _guard.Check("登记的号码是13812345678，身份证110101199003071234。", SpokenTextOrigin.Generated);

        Assert.False(result.Blocked);
        Assert.DoesNotContain("13812345678", result.Text);
        Assert.DoesNotContain("110101199003071234", result.Text);
        Assert.Equal(2, result.Findings.Count(f => f.Kind == GuardFindingKind.PersonalData));
    }

    [Fact]
    public void The_hospitals_own_service_number_may_be_spoken_when_allowed()
    {
        var guard = new SpeechGuard(new SpeechGuardRules { AllowedNumbers = ["02812345678"] });

        var result = guard.Check("有问题可以拨打02812345678咨询。", SpokenTextOrigin.Script);

        Assert.Contains("02812345678", result.Text);
        Assert.DoesNotContain(result.Findings, f => f.Kind == GuardFindingKind.PersonalData);
    }

    [Fact]
    public void A_long_sentence_is_flagged_with_its_length_but_not_blocked()
    {
        var text = "出院以后请您每天按时测量血压并记录下来，下次来医院复查的时候把记录本带上给医生看看，这样医生才能更好地调整治疗方案。好的。";

        var result = _guard.Check(text, SpokenTextOrigin.Script);

        Assert.False(result.Blocked);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(GuardFindingKind.LongSentence, finding.Kind);
        Assert.Contains("拆成几句短话", finding.Reason);
    }

    [Fact]
    public void Jargon_is_flagged_with_a_plain_wording_unless_explained()
    {
        var bare = _guard.Check("您的预后很好。", SpokenTextOrigin.Script);
        var explained = _guard.Check("您的预后，也就是以后恢复的情况，很好。", SpokenTextOrigin.Script);

        var finding = Assert.Single(bare.Findings);
        Assert.Equal(GuardFindingKind.Jargon, finding.Kind);
        Assert.Contains("以后恢复的情况", finding.Reason);
        Assert.True(explained.IsClean);
    }
}
