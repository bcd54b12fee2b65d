using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class TextMetricsTests
{
    [Fact]
    public void Rouge_2_counts_the_reference_bigrams_found_in_the_candidate_6_2_a()
    {
        // Reference "伤口不红，未发热" → characters 伤口不红未发热 → bigrams 伤口 口不 不红 红未 未发 发热 (6).
        // Candidate "伤口不红 没有发热" → 伤口 口不 不红 红没 没有 有发 发热: shared 伤口 口不 不红 发热 = 4.
        // ROUGE-2 = 4 / 6.
        var (match, count) = TextMetrics.RougeCounts("伤口不红 没有发热", "伤口不红，未发热");
        Assert.Equal((4, 6), (match, count));
    }

    [Fact]
    public void Rouge_2_clips_a_repeated_bigram_to_the_candidate_count()
    {
        // Reference 好好好 → bigrams 好好 ×2; candidate 好好 → 好好 ×1. Count_match = min(2, 1) = 1, Count = 2.
        Assert.Equal((1, 2), TextMetrics.RougeCounts("好好", "好好好"));
    }

    [Fact]
    public void Rouge_2_over_a_set_sums_over_all_references_before_dividing()
    {
        // Pair 1: 4 of 6 (above). Pair 2: reference 按时服药 (按时 时服 服药 = 3), candidate 按时服药 → 3 of 3.
        // ROUGE-2 = (4 + 3) / (6 + 3) = 7/9 — not the mean of 4/6 and 1 (0.8333).
        var rouge = TextMetrics.RougeN([("伤口不红 没有发热", "伤口不红，未发热"), ("按时服药", "按时服药")]);
        Assert.Equal(7.0 / 9, rouge, 12);
    }

    [Fact]
    public void Keyword_hit_rate_is_hits_over_the_number_of_keywords_6_2_b()
    {
        // Keywords 伤口发红, 未发热, 按时服药; the text has 伤口发红 and 按时服药 (punctuation ignored), not 未发热.
        // Hit_Rate = 2 / 3.
        var text = "患者本人接听。伤口发红，按时 服药。";
        string[] keywords = ["伤口发红", "未发热", "按时服药"];
        Assert.Equal(2, TextMetrics.KeywordHits(text, keywords));
        Assert.Equal(2.0 / 3, TextMetrics.HitRate(text, keywords), 12);
    }

    [Fact]
    public void A_temperature_written_with_the_degree_sign_matches_one_written_with_the_character_du()
    {
        // "体温37.2℃" and "体温37.2度" are the same finding; 37.2 °C is not a different keyword.
        Assert.Equal(1, TextMetrics.KeywordHits("体温37.2℃，无发热。", ["体温37.2度"]));
        Assert.Equal(1, TextMetrics.KeywordHits("体温37.2度，无发热。", ["体温37.2℃"]));
        Assert.Equal(0, TextMetrics.KeywordHits("体温37.2℃", ["体温37.3度"]));
    }

    [Fact]
    public void Characters_drop_punctuation_and_spaces()
    {
        Assert.Equal(["体", "温", "3", "8", "度"], TextMetrics.Characters("体温 38度。"));
    }
}
