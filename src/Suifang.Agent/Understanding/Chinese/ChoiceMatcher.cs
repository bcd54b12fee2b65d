namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Picks the question's choice closest in meaning to what was said ("有时候忘了吃" → 偶尔漏服): words of one meaning
/// group found in both the reply and the choice count most, shared characters break ties.
/// </summary>
internal static class ChoiceMatcher
{
    private static readonly string[][] Groups =
    [
        ["按时", "准时", "按点", "每天", "天天", "一直", "都吃", "都用", "都在", "坚持", "顿顿", "从不漏", "没漏", "没有漏", "不漏", "没忘", "从来不忘", "按医生说的", "一片不少", "一顿没落", "大部分时候能做到", "都做到了"],
        ["偶尔", "有时", "有的时候", "个别", "有几次", "一两次", "偶然", "时不时", "忘过", "漏过", "有一次", "不是每天", "隔三差五", "有一回", "忘了一次", "偶尔忘", "懒得"],
        ["经常", "老是", "总是", "常常", "好多次", "动不动", "十次有五次", "经常性", "老忘", "总忘", "有时候吃有时候不吃", "三天打鱼"],
        ["停", "不吃了", "没吃了", "不用了", "没用了", "没有用", "没做", "没有做", "不做", "没使用", "没在用", "没练", "不练", "没有", "没吃"],
        ["自己走", "自己能走", "能走", "走得挺好", "走路没问题", "自己下地"],
        ["拐杖", "助行器", "拐棍", "棍子", "拄", "助步器", "扶着助", "扶着拐", "扶着墙"],
        ["搀扶", "人扶", "别人扶", "扶一下", "架着", "两个人", "有人扶"],
        ["不能下地", "下不了地", "躺着", "卧床", "起不来", "走不了", "不能走"],
        ["纯母乳", "只吃母乳", "光吃母乳", "全母乳", "只喂母乳", "全是母乳"],
        ["混合", "母乳加奶粉", "奶粉加母乳", "一半", "两样都"],
        ["人工喂养", "奶粉", "全奶粉", "只吃奶粉"],
        ["比月经少", "少", "不多", "很少", "一点点", "快没了"],
        ["差不多", "跟月经一样", "和月经差不多", "像来月经"],
        ["比月经多", "多", "血块", "大块", "很多", "量很大", "量大", "一小时换"],
        ["很好", "挺好", "做得好", "都做到", "严格", "都按", "控制得好", "做得很好"],
        ["有时做不到", "有时候", "偶尔", "做不到", "管不住嘴", "嘴馋"],
        ["基本没控制", "没控制", "没管", "随便吃", "不忌口", "想吃啥吃啥"],
        ["按时使用", "每天用", "都用", "天天用", "按时用"],
        ["偶尔忘记", "忘记", "忘了", "有时忘"],
    ];

    /// <param name="polarity">Yes/no of the reply when it names no choice: yes is the first (the expected) choice, no the last.</param>
    public static string? Best(string text, IReadOnlyList<string> choices, SymptomStatus? polarity = null)
    {
        // "按时的 哦有一回忘了": what follows a correction counts
        foreach (var marker in new[] { "哦不对", "不对", "哦", "说错了" })
            if (text.IndexOf(marker, StringComparison.Ordinal) is var at && at > 0 && at + marker.Length < text.Length)
            { text = text[(at + marker.Length)..]; break; }
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length >= 2 && choices.FirstOrDefault(c => c.Contains(compact, StringComparison.Ordinal)) is { } containing) return containing;
        string? best = null;
        var bestScore = 0.0;
        foreach (var choice in choices)
        {
            if (text.Contains(choice, StringComparison.Ordinal)) return choice;
            var score = 0.0;
            foreach (var group in Groups)
            {
                var inChoice = group.Any(w => choice.Contains(w, StringComparison.Ordinal));
                if (!inChoice) continue;
                var said = group.Where(w => text.Contains(w, StringComparison.Ordinal)).Select(w => w.Length).DefaultIfEmpty(0).Max();
                if (said > 0) score += 1 + said * 0.1;
            }
            score += 0.05 * choice.Distinct().Count(text.Contains) / choice.Length;
            if (score > bestScore) { bestScore = score; best = choice; }
        }
        if (bestScore >= 0.5) return best;
        return polarity switch { SymptomStatus.Present => choices[0], SymptomStatus.Absent => choices[^1], _ => null };
    }
}
