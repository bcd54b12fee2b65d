using Suifang.Agent.Knowledge;

namespace Suifang.Agent.Tests.Knowledge;

/// 7.3.2.2: the agent answers from the department's knowledge base, and says nothing it does not find there.
public sealed class KnowledgeIndexTests : IDisposable
{
    private readonly KnowledgeIndex _index = new(
    [
        new("wound-water", ["普通外科", "PTWK"], "伤口什么时候能沾水", ["刀口能碰水吗", "术后多久能洗澡"], "一般拆线后可以淋浴。"),
        new("stitches", ["普通外科", "PTWK"], "什么时候拆线", ["几天拆线"], "一般术后7到14天。"),
        new("booking", [], "复诊怎么预约", ["怎么挂号复查"], "可以在公众号预约。"),
        new("insulin", ["内分泌科"], "胰岛素怎么保存", ["胰岛素要放冰箱吗"], "未开封的放冰箱冷藏。"),
    ]);

    [Theory]
    [InlineData("刀口什么时候可以洗澡", "wound-water")]
    [InlineData("伤口能不能碰水啊", "wound-water")]
    [InlineData("几天可以拆线", "stitches")]
    public void A_question_worded_differently_finds_the_entry_of_the_patients_department(string question, string expected) =>
        Assert.Equal(expected, _index.Find(question, "普通外科")?.EntryId);

    [Fact]
    public void Hospital_wide_entries_answer_patients_of_every_department() =>
        Assert.Equal("booking", _index.Find("复查怎么挂号", "PTWK")?.EntryId);

    [Fact]
    public void Another_departments_entry_is_not_used_even_when_it_would_match() =>
        Assert.Null(_index.Find("胰岛素要放冰箱吗", "普通外科"));

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("医院停车场在哪里")]
    [InlineData("我孙子什么时候放假")]
    public void A_question_the_base_does_not_cover_gets_no_answer_rather_than_the_least_bad_entry(string question) =>
        Assert.Null(_index.Find(question, "普通外科"));

    [Fact]
    public void The_score_of_an_answer_is_between_the_threshold_and_one()
    {
        var hit = _index.Find("伤口什么时候能沾水", "普通外科");
        Assert.NotNull(hit);
        Assert.InRange(hit.Score, KnowledgeIndex.DefaultMinimumScore, 1.0);
    }

    [Fact]
    public void An_empty_base_or_an_empty_question_answers_nothing()
    {
        using var empty = new KnowledgeIndex([]);
        Assert.Null(empty.Find("伤口什么时候能沾水", null));
        Assert.Null(_index.Find("  ", null));
        Assert.Null(_index.Find("嗯嗯", null));
    }

    public void Dispose() => _index.Dispose();
}
