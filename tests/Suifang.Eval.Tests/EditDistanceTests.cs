using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class EditDistanceTests
{
    private static IReadOnlyList<string> Chars(string s) => TextMetrics.Characters(s);

    [Fact]
    public void Cer_counts_substitutions_deletions_and_insertions_over_the_reference_characters_7_1_3()
    {
        // Reference 没有发烧 (N = 4); hypothesis 没有发少了: 烧→少 (S 1), 了 inserted (I 1), D 0.
        // CER = (1 + 0 + 1) / 4 = 0.5.
        var e = EditCounts.Align(Chars("没有发烧"), Chars("没有发少了"));
        Assert.Equal((1, 0, 1, 4), (e.Substitutions, e.Deletions, e.Insertions, e.ReferenceLength));
        Assert.Equal(0.5, e.Rate);
    }

    [Fact]
    public void Wer_counts_word_edits_over_the_reference_words_6_4_a()
    {
        // Reference words 伤口 / 有点 / 红 (3); hypothesis 伤口 / 红: 有点 deleted. WER = (0 + 1 + 0) / 3.
        var e = EditCounts.Align(["伤口", "有点", "红"], ["伤口", "红"]);
        Assert.Equal((0, 1, 0), (e.Substitutions, e.Deletions, e.Insertions));
        Assert.Equal(1.0 / 3, e.Rate!.Value, 12);
    }

    [Fact]
    public void Per_counts_phoneme_edits_a_wrong_tone_is_a_substitution_6_4_b()
    {
        // 伤口 as espeak phonemes s. a55 N kh ou35 (5); recognised with the tone of 口 wrong: kh ou21.
        // PER = (1 + 0 + 0) / 5 = 0.2.
        var e = EditCounts.Align(["s.", "a55", "N", "kh", "ou35"], ["s.", "a55", "N", "kh", "ou21"]);
        Assert.Equal((1, 0, 0, 5), (e.Substitutions, e.Deletions, e.Insertions, e.ReferenceLength));
        Assert.Equal(0.2, e.Rate!.Value, 12);
    }

    [Fact]
    public void Error_counts_of_several_sentences_add_up_before_dividing()
    {
        // 没有发烧 → 没有发少了: (1 + 0 + 1) / 4; 按时吃药了吗 → itself: 0 / 6. Pooled (2 + 0) / (4 + 6) = 0.2
        // (the mean of the two rates would be 0.25).
        var total = EditCounts.Align(Chars("没有发烧"), Chars("没有发少了")) + EditCounts.Align(Chars("按时吃药了吗"), Chars("按时吃药了吗"));
        Assert.Equal(0.2, total.Rate!.Value, 12);
    }

    [Fact]
    public void An_empty_recognition_deletes_every_reference_character()
    {
        var e = EditCounts.Align(Chars("您好"), []);
        Assert.Equal((0, 2, 0), (e.Substitutions, e.Deletions, e.Insertions));
        Assert.Equal(1.0, e.Rate);
    }

    [Fact]
    public void Espeak_output_is_split_into_phonemes_without_stress_and_pause_marks()
    {
        // As `espeak-ng -v cmn-latn-pinyin -q -x --sep=" " 伤口` prints it.
        Assert.Equal(["s.", "a55", "N", "kh", "ou35"], Phonemes.Parse("s. 'a55 N _|  kh 'ou35 _|\n"));
    }
}
