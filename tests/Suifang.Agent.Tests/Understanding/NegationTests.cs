using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Negation and uncertainty are first-class (issue #4): scope of 不/没/没有/未/无/别, hedges, double negation, corrections.</summary>
public sealed class NegationTests
{
    [Theory]
    [InlineData("不发烧了", "发热")]
    [InlineData("没怎么疼", "疼痛")]
    [InlineData("伤口不红", "伤口发红")]
    [InlineData("早就不疼了", "疼痛")]
    [InlineData("刀口没有流水", "伤口渗液")]
    [InlineData("烧已经退了", "发热")]
    [InlineData("发烧没有", "发热")]
    [InlineData("肚子也不疼", "腹痛")]
    [InlineData("未见出血", "出血")]
    [InlineData("别的没有头晕", "头晕")]
    public void Negated_symptoms_are_absent(string said, string term) =>
        Assert.Equal(SymptomStatus.Absent, Shipped.Understand(said, Open()).StatusOf(term));

    [Theory]
    [InlineData("有点红", "伤口发红", "wound_redness")]
    [InlineData("好像有一点疼", "疼痛", null)]
    [InlineData("也不是不疼", "疼痛", null)]
    [InlineData("疼得受不了", "疼痛", null)]
    [InlineData("睡不着", "失眠", null)]
    [InlineData("不是很疼", "疼痛", null)]
    public void Hedged_and_doubly_negated_symptoms_are_present(string said, string term, string? question) =>
        Assert.Equal(SymptomStatus.Present, Shipped.Understand(said, question is null ? Open() : After(question)).StatusOf(term));

    [Theory]
    [InlineData("说不好", "wound_redness", "伤口发红")]
    [InlineData("不知道算不算红", "wound_redness", "伤口发红")]
    [InlineData("可能有吧我也搞不清", "dizziness", "头晕")]
    public void Unsure_replies_are_uncertain(string said, string question, string term)
    {
        var u = Shipped.Understand(said, After(question));
        Assert.Equal(SymptomStatus.Uncertain, u.StatusOf(term));
        Assert.Equal(Intent.Uncertain, u.Intent);
    }

    [Fact]
    public void The_scope_of_a_negation_ends_where_a_positive_statement_starts()
    {
        var u = Shipped.Understand("没发烧有点咳嗽", Open());
        Assert.Equal(SymptomStatus.Absent, u.StatusOf("发热"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("咳嗽"));
    }

    [Fact]
    public void A_negation_ends_at_the_clause_break()
    {
        var u = Shipped.Understand("不发烧，但是头疼", Open());
        Assert.Equal(SymptomStatus.Absent, u.StatusOf("发热"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("头痛"));
    }

    [Fact]
    public void A_self_correction_replaces_what_was_said_before()
    {
        var u = Shipped.Understand("没有发烧哦不对有一点", Open());
        Assert.Equal(SymptomStatus.Present, u.StatusOf("发热"));
    }

    [Fact]
    public void A_negative_inside_a_colloquial_form_is_not_a_negation()
    {
        // 说话不清楚 is 言语不清; its 不 says the symptom is there.
        Assert.Equal(SymptomStatus.Present, Shipped.Understand("说话不清楚", Open()).StatusOf("言语不清"));
        Assert.Equal(SymptomStatus.Absent, Shipped.Understand("没有说话不清楚", Open()).StatusOf("言语不清"));
    }

    [Theory]
    [InlineData("没有", Intent.Deny)]
    [InlineData("不红", Intent.Deny)]
    [InlineData("有点红", Intent.Affirm)]
    [InlineData("有", Intent.Affirm)]
    public void A_yes_no_reply_about_the_asked_symptom_records_it(string said, Intent intent)
    {
        var u = Shipped.Understand(said, After("wound_redness"));
        Assert.Equal(intent, u.Intent);
        Assert.Equal(intent == Intent.Affirm ? SymptomStatus.Present : SymptomStatus.Absent, u.StatusOf("伤口发红"));
    }
}
