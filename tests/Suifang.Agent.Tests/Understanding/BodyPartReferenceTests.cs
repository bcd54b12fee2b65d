using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// Coreference inside one utterance (7.1.2.1): a general word ("疼", "红") belongs to the body part or symptom named just
/// before it, not to a pain mentioned earlier in the call.
public sealed class BodyPartReferenceTests
{
    [Fact]
    public void Pain_after_a_breast_lump_is_the_breast_problem_not_the_headache_asked_before()
    {
        var u = Shipped.Understand("左边乳房有个硬块 疼", After("breast_problem", "头痛"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("乳房肿痛"));
        Assert.Null(u.StatusOf("头痛"));
        Assert.DoesNotContain("头痛", u.ResolvedReferences);
    }

    [Theory]
    [InlineData("膝盖 疼得厉害", "关节疼痛")]
    [InlineData("肚子 有点疼", "腹痛")]
    public void Pain_after_a_body_part_takes_that_body_parts_term(string said, string term)
    {
        var u = Shipped.Understand(said, Open("头痛"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf(term));
        Assert.Null(u.StatusOf("头痛"));
    }

    [Fact]
    public void Pain_with_no_body_part_named_still_refers_to_the_pain_mentioned_before()
    {
        var u = Shipped.Understand("还是疼", Open("伤口疼痛"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("伤口疼痛"));
    }

    [Fact]
    public void The_same_general_word_said_twice_is_decided_by_the_later_statement()
    {
        var u = Shipped.Understand("红是不红了", After("wound_redness"));
        Assert.Equal(SymptomStatus.Absent, u.StatusOf("伤口发红"));
    }
}
