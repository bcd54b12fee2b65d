using Suifang.Core.Pathways;

namespace Suifang.Core.Plans.BuildPlan;

/// Keeps every abnormal trigger of merged nodes (7.2.3.2): identical ones once; two thresholds on the same answer in the
/// same direction become the more sensitive threshold with the higher severity, so no answer that would have raised an
/// alert under either pathway goes unnoticed.
internal static class TriggerMerger
{
    public static List<TriggerRule> Merge(List<NodeAt> nodes, string label, List<string> notes)
    {
        var merged = new List<(TriggerRule Rule, Pathway From)>();
        var identical = new List<string>();
        foreach (var n in nodes)
        {
            foreach (var t in n.Node.Triggers)
            {
                var same = merged.FindIndex(m => Same(m.Rule, t));
                if (same >= 0)
                {
                    if (merged[same].From.Id != n.Pathway.Id)
                        identical.Add($"“{t.Description}”（{PlanWords.Of(t)}）");
                    continue;
                }
                var conflict = merged.FindIndex(m => Conflicts(m.Rule, t));
                if (conflict < 0)
                {
                    merged.Add((StepMerger.Copy(t), n.Pathway));
                    continue;
                }
                var (kept, from) = merged[conflict];
                var resolved = Resolve(kept, t);
                notes.Add($"“{label}”：“{from.Name}”（{PlanWords.Of(kept)}）和“{n.Pathway.Name}”（{PlanWords.Of(t)}）对“{t.QuestionKey}”的异常标准不同，"
                    + $"保留更敏感的 {PlanWords.Of(resolved)}：凡是按任一路径会报警的回答，按这一条也会报警，不会漏报；级别取较高的“{PlanWords.Of(resolved.Severity)}”。");
                merged[conflict] = (resolved, from);
            }
        }
        if (identical.Count > 0)
            notes.Add($"“{label}”：异常条件{string.Join("、", identical.Distinct())}在{PlanWords.Names(nodes.Select(n => n.Pathway))}中相同，各保留一条。");
        return merged.Select(m => m.Rule).ToList();
    }

    public static bool Same(TriggerRule a, TriggerRule b) =>
        string.Equals(a.QuestionKey, b.QuestionKey, StringComparison.OrdinalIgnoreCase) && a.Operator == b.Operator
        && a.Severity == b.Severity && SameValue(a.Value, b.Value);

    /// Two thresholds on one answer pointing the same way (≥/> or ≤/<), or the same value with different severities.
    public static bool Conflicts(TriggerRule a, TriggerRule b)
    {
        if (!string.Equals(a.QuestionKey, b.QuestionKey, StringComparison.OrdinalIgnoreCase))
            return false;
        if (a.Operator == b.Operator && SameValue(a.Value, b.Value))
            return a.Severity != b.Severity;
        var dir = Direction(a.Operator);
        return dir != 0 && dir == Direction(b.Operator) && StepMerger.TryNumber(a.Value, out _) && StepMerger.TryNumber(b.Value, out _);
    }

    /// The more sensitive threshold: for an upper alarm (≥, >) the lower value, for a lower alarm (≤, <) the higher;
    /// at an equal value the inclusive operator. The severity is the higher of the two.
    public static TriggerRule Resolve(TriggerRule a, TriggerRule b)
    {
        var winner = a;
        if (Direction(a.Operator) != 0 && StepMerger.TryNumber(a.Value, out var va) && StepMerger.TryNumber(b.Value, out var vb))
        {
            var dir = Direction(a.Operator);
            winner = va == vb ? (Inclusive(b.Operator) && !Inclusive(a.Operator) ? b : a)
                : (dir > 0 ? (vb < va ? b : a) : (vb > va ? b : a));
        }
        var copy = StepMerger.Copy(winner);
        copy.Severity = (TriggerSeverity)Math.Max((int)a.Severity, (int)b.Severity);
        return copy;
    }

    private static int Direction(TriggerOperator op) => op switch
    {
        TriggerOperator.GreaterOrEqual or TriggerOperator.Greater => 1,
        TriggerOperator.LessOrEqual or TriggerOperator.Less => -1,
        _ => 0,
    };

    private static bool Inclusive(TriggerOperator op) => op is TriggerOperator.GreaterOrEqual or TriggerOperator.LessOrEqual;

    private static bool SameValue(string a, string b) =>
        StepMerger.TryNumber(a, out var x) && StepMerger.TryNumber(b, out var y) ? x == y : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
