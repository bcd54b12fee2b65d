using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>One patient turn as heard: what was said, the question it answered, how it was understood.</summary>
/// <param name="Confirming">The turn answered a read-back ("您是说没有胸痛，对吗？" — "对"): its "yes" confirms the
/// recorded answer and is not a mention of the question's own symptom.</param>
internal sealed record HeardTurn(int Turn, string Text, Scripts.ScriptQuestion? Asked, UtteranceUnderstanding? Understood,
    bool Confirming = false);

/// <summary>
/// The second, high-recall pass after the call (issue #4): reads every patient turn for red-flag symptoms the script did
/// not settle and raises each as an urgent "red-flag" escalation. In doubt it raises: only a negation right before the
/// words ("没有胸痛", "没再出血") in a clause without hedges clears a mention, so "也没啥就是有时候胸口疼" is raised.
/// </summary>
internal static class RedFlagPass
{
    private static readonly string[] Negations = ["没有再", "没有", "没再", "不再", "从没", "没", "无", "未", "不"];
    private static readonly string[] Doubts = ["不是不", "不是没", "也不是", "有时", "偶尔", "有点", "一点", "好像", "可能", "还是", "时不时", "一阵"];
    private static readonly char[] ClauseEnds = ['，', '。', '！', '？', '；', ',', '.', '!', '?', ';', '、'];
    private static readonly string[] ClauseTurns = ["就是", "但是", "可是", "不过", "只是", "但"];

    /// <param name="settled">Red flags a collected answer already records as present or uncertain (the script asked).</param>
    /// <param name="raised">Red flags already escalated during the call (an alarming symptom handed off).</param>
    public static IEnumerable<Escalation> Run(IReadOnlyList<HeardTurn> turns, ISet<string> settled, ISet<string> raised)
    {
        var done = new HashSet<string>(settled);
        done.UnionWith(raised);
        foreach (var t in turns)
        {
            foreach (var flag in Hits(t))
            {
                if (!done.Add(flag.Name)) continue;
                yield return new Escalation("red-flag", $"通话中提到{flag.Name}，话术没有问到或回答不一致，请尽快回电核实。",
                    t.Text, t.Turn, Urgent: true);
            }
        }
    }

    private static IEnumerable<RedFlag> Hits(HeardTurn t)
    {
        if (t.Understood is { } u)
            foreach (var m in u.Symptoms)
                if (m.Status != SymptomStatus.Absent && RedFlags.Of(m) is { } f
                    && !(t.Confirming && t.Asked is { } asked && RedFlags.Asks(asked, f))) yield return f;
        foreach (var flag in RedFlags.All)
            if (MentionedWithoutClearNegation(t.Text, flag)) yield return flag;
    }

    public static bool MentionedWithoutClearNegation(string text, RedFlag flag)
    {
        foreach (var word in flag.Words.Append(flag.Name))
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (!ClearlyNegated(Clause(text, at), text[Start(text, at)..at])) return true;
            }
        }
        return false;
    }

    private static bool ClearlyNegated(string clause, string before)
    {
        if (Doubts.Any(d => clause.Contains(d, StringComparison.Ordinal))) return false;
        return Negations.Any(n => before.EndsWith(n, StringComparison.Ordinal));
    }

    private static int Start(string text, int at)
    {
        var start = text.LastIndexOfAny(ClauseEnds, Math.Max(0, at - 1)) + 1;
        if (at == 0) start = 0;
        foreach (var turn in ClauseTurns)
        {
            var i = text.LastIndexOf(turn, Math.Max(0, at - 1), StringComparison.Ordinal);
            if (i >= start && i + turn.Length <= at) start = i + turn.Length;
        }
        return start;
    }

    private static string Clause(string text, int at)
    {
        var start = Start(text, at);
        var end = text.IndexOfAny(ClauseEnds, at);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
