using Suifang.Eval.Metrics;

namespace Suifang.Eval.Tests;

public sealed class ClassificationTests
{
    [Fact]
    public void Sensitivity_specificity_and_accuracy_follow_6_1()
    {
        // TP 8, FN 2, TN 85, FP 5.
        // Sen = 8 / (8 + 2) = 0.8; Spe = 85 / (85 + 5) = 0.9444…; Acc = (8 + 85) / 100 = 0.93.
        var cases = Enumerable.Repeat((true, true), 8).Concat(Enumerable.Repeat((true, false), 2))
            .Concat(Enumerable.Repeat((false, false), 85)).Concat(Enumerable.Repeat((false, true), 5));
        var c = BinaryCounts.Of(cases);
        Assert.Equal((8, 2, 85, 5), (c.TruePositive, c.FalseNegative, c.TrueNegative, c.FalsePositive));
        Assert.Equal(0.8, c.Sensitivity!.Value, 12);
        Assert.Equal(85.0 / 90, c.Specificity!.Value, 12);
        Assert.Equal(0.93, c.Accuracy!.Value, 12);
    }

    [Fact]
    public void Sensitivity_is_undefined_without_positives()
    {
        var c = BinaryCounts.Of([(false, false), (false, true)]);
        Assert.Null(c.Sensitivity);
        Assert.Equal(0.5, c.Specificity);
    }

    [Fact]
    public void Macro_f1_is_the_harmonic_mean_of_macro_precision_and_macro_recall_6_3()
    {
        // Labels → predictions: A→A, A→A, A→B, B→B, B→C, C→C.
        // A: TP 2, FP 0, FN 1 → P 1, R 2/3.  B: TP 1, FP 1 (A→B), FN 1 → P 1/2, R 1/2.  C: TP 1, FP 1 (B→C), FN 0 → P 1/2, R 1.
        // Macro-P = (1 + 0.5 + 0.5) / 3 = 2/3; Macro-R = (2/3 + 1/2 + 1) / 3 = 13/18.
        // Macro-F1 = 2 · (2/3) · (13/18) / (2/3 + 13/18) = (52/54) / (25/18) = 0.69333…
        // (the mean of per-class F1 would be (0.8 + 0.5 + 0.6667) / 3 = 0.6556 — not what 6.3 c defines).
        var s = MacroScores.Of([("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("B", "C"), ("C", "C")]);
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(13.0 / 18, s.Recall, 12);
        Assert.Equal(2 * (2.0 / 3) * (13.0 / 18) / (2.0 / 3 + 13.0 / 18), s.F1, 12);
        Assert.Equal(0.693333, s.F1, 5);
    }

    [Fact]
    public void A_prediction_outside_the_task_categories_counts_only_as_a_miss()
    {
        // K = {有, 无}. 有→有, 有→未识别, 无→无. 有: P 1/1, R 1/2. 无: P 1, R 1.
        // Macro-P = 1, Macro-R = 0.75, F1 = 2 · 0.75 / 1.75 = 0.857142…
        var s = MacroScores.Of([("有", "有"), ("有", "未识别"), ("无", "无")]);
        Assert.Equal(2, s.PerClass.Count);
        Assert.Equal(1, s.Precision, 12);
        Assert.Equal(0.75, s.Recall, 12);
        Assert.Equal(1.5 / 1.75, s.F1, 12);
    }

    [Fact]
    public void Knowledge_reasoning_f1_counts_declines_as_unanswered_7_1_2_3()
    {
        // 5 questions: a→a (correct), b→c (wrong), d→none (declined), null→none (right to decline), null→e (answered, wrong).
        // Answered = 3 (a, c, e), correct = 1, with an answer = 3 (a, b, d).
        // P = 1/3, R = 1/3, F1 = 2 · (1/9) / (2/3) = 1/3.
        var f = AnswerF1.Of([("a", "a"), ("b", "c"), ("d", null), (null, null), (null, "e")]);
        Assert.Equal((1, 3, 3), (f.Correct, f.Answered, f.Answerable));
        Assert.Equal(1.0 / 3, f.Precision, 12);
        Assert.Equal(1.0 / 3, f.Recall, 12);
        Assert.Equal(1.0 / 3, f.F1, 12);
    }

    [Fact]
    public void Retrieval_recall_at_k_and_mrr_use_the_rank_of_the_expected_entry_7_3_2_2()
    {
        // Ranks 1, 2, 0 (not found), 4. recall@1 = 1/4, recall@3 = 2/4; MRR = (1 + 1/2 + 0 + 1/4) / 4 = 0.4375.
        int[] ranks = [1, 2, 0, 4];
        Assert.Equal(0.25, Retrieval.RecallAt(ranks, 1));
        Assert.Equal(0.5, Retrieval.RecallAt(ranks, 3));
        Assert.Equal(0.75, Retrieval.RecallAt(ranks, 5));
        Assert.Equal(0.4375, Retrieval.Mrr(ranks), 12);
    }
}
