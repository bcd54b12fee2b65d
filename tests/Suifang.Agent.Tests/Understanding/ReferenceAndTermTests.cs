using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Terminology normalisation (7.1.2.2) and coreference across turns (7.1.2.1).</summary>
public sealed class ReferenceAndTermTests
{
    [Theory]
    [InlineData("刀口红", "伤口发红")]
    [InlineData("发烧", "发热")]
    [InlineData("血糖高", "高血糖")]
    [InlineData("拉肚子", "腹泻")]
    [InlineData("喘不上气", "呼吸困难")]
    [InlineData("心慌", "心悸")]
    public void Colloquial_words_normalise_to_standard_terms(string said, string term) =>
        Assert.Equal(term, TermLexicon.Default.Normalise(said));

    [Fact]
    public void Words_said_inside_a_colloquial_form_still_match_it()
    {
        var m = Assert.Single(TermLexicon.Default.Find("刀口有点红"));
        Assert.Equal("伤口发红", m.Term.Name);
        Assert.Equal("有点", m.Inserted);
    }

    [Fact]
    public void The_starting_terms_and_red_flags_of_the_data_format_are_shipped()
    {
        var lexicon = TermLexicon.Default;
        foreach (var term in new[] { "发热", "伤口发红", "胸痛", "呼吸困难", "咯血", "黑便", "出血", "意识障碍", "自杀念头", "肢体无力", "言语不清", "口角歪斜" })
            Assert.NotNull(lexicon.Get(term));
        Assert.All(new[] { "胸痛", "呼吸困难", "咯血", "黑便", "出血", "意识障碍", "自杀念头", "肢体无力", "言语不清", "口角歪斜" },
            t => Assert.True(lexicon.Get(t)!.RedFlag, t));
    }

    [Fact]
    public void It_refers_to_the_symptom_mentioned_before()
    {
        var u = Shipped.Understand("它还疼", Open("伤口疼痛"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("伤口疼痛"));
        Assert.Contains("伤口疼痛", u.ResolvedReferences);
    }

    [Fact]
    public void Still_the_same_refers_to_the_latest_symptom()
    {
        var u = Shipped.Understand("还是那样", Open("发热", "伤口发红"));
        Assert.Equal(SymptomStatus.Present, u.StatusOf("伤口发红"));
        Assert.Contains("伤口发红", u.ResolvedReferences);
    }

    [Fact]
    public void That_medicine_refers_to_the_medicine_mentioned_before()
    {
        var u = Shipped.Understand("那个药我没吃", Open("阿司匹林"));
        Assert.Contains("阿司匹林", u.ResolvedReferences);
    }

    [Fact]
    public void A_general_word_takes_the_term_the_question_asks_about()
    {
        var u = Shipped.Understand("不疼了", After("chest_pain"));
        Assert.Equal(SymptomStatus.Absent, u.StatusOf("胸痛"));
    }
}
