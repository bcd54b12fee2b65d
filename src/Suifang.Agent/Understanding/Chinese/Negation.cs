using System.Text.RegularExpressions;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Negation and uncertainty of what a patient says (issue #4: first-class). Works on a "masked" utterance in which every
/// term found is replaced by '＊' (so the 不 of "睡不着" or "说话不清楚" is not a negation) and words that look negative
/// but are not ("不好意思", "疼得受不了", "不错") by '○'. The scope of 不/没/没有/未/无/别 runs from the negator to the
/// end of its clause; it ends early at a clause break (punctuation, 但是/可是/不过/就是) or when a positive word
/// (有点/还有/是有) follows. A correction ("哦不对", "说错了") replaces what came before it.
/// </summary>
internal static partial class Negation
{
    public const char TermMark = '＊';
    private const char Neutral = '○';

    private static readonly string[] NotNegative =
    [
        "不好意思", "不客气", "不用谢", "不要紧", "了不起", "不得了", "受不了", "差不多", "不舒服", "不对劲",
        "得不行", "不停", "不断", "不厉害", "不严重", "不影响", "不碍事", "不知道哪", "不记得磕", "不记得哪", "不知道为什么", "不知道怎么", "能不能", "有没有", "会不会", "要不要", "可不可以", "用不用", "行不行", "好不好", "对不对", "不少", "不止", "忍不住", "不一样", "不然", "不如",
    ];
    private static readonly string[] Corrections = ["哦不对", "啊不对", "不对不对", "不对", "说错了", "搞错了", "哦不是", "其实"];
    private static readonly string[] UncertainWords =
    [
        "说不好", "说不清", "说不准", "不好说", "不知道", "不清楚", "搞不清", "搞不懂", "不确定", "记不清", "记不得", "不记得",
        "不一定", "算不算", "看不出", "不敢说", "难说", "拿不准", "不晓得", "没注意", "没留意", "没量", "没测", "不好讲", "讲不清",
        "也不懂", "不太懂", "不懂", "不太确定", "不太清楚", "不大清楚", "不太知道", "不大知道", "不太记得", "说不上", "看不太出", "闻不出", "估不出", "记不住", "没看", "不太好说", "没注意到", "一般般", "时好时坏", "好像有好像",
    ];
    private static readonly string[] Negators =
    [
        "没怎么", "不怎么", "从来没", "从没", "早就不", "早就没", "早不", "不再", "没有", "木有", "没得", "不太", "没", "不", "未", "无", "别", "甭", "冇",
    ];
    private static readonly string[] MildNotNegative = ["不是很", "不是特别", "不算太", "不算很", "也不是很"];
    private static readonly string[] PositiveResets = ["有点", "有些", "有一点", "还有", "是有", "倒是有", "就是有", "有的"];
    private static readonly string[] Hedges = ["好像", "可能", "应该", "似乎", "大概", "也许", "估计", "感觉", "或许"];
    private static readonly string[] Wellness =
    [
        "都挺好", "挺好", "都好", "还好", "正常", "没事", "没什么事", "没问题", "都没有", "好了", "好多了", "一切都好", "还行", "蛮好",
        "很好", "都还好", "不错", "好好的", "好的", "干了", "减轻", "成形", "足着", "消了", "退了", "能睡着", "正常的", "消下去", "通了", "好些了", "没了", "挺顺", "顺的", "有劲", "利索", "挺稳", "得稳", "干的", "干干的", "一样粗", "还可以", "小了", "清的", "平躺就行", "就够了", "挺多", "挺清楚", "清清楚楚", "好着呢", "平稳", "挺舒服", "干干净净", "挺匀", "很匀", "活泼", "精神着",
    ];

    // "开心不起来", "扣不上", "躺不平", "戒不掉": a verb + 不 + result says something cannot be done — the problem is there.
    [GeneratedRegex("(?<=[\u4e00-\u9fff])(?<![也都还就并可又倒是我你他她它才而并很太])不(?=[起上下了掉紧平动住着出进好开完来去够稳得顺])")]
    private static partial Regex PotentialComplement();

    private static readonly string[] Quitting = ["戒了", "不抽了", "没抽了", "早戒了", "戒掉了"];

    [GeneratedRegex("(不是|并不是|也不是|倒不是|不见得|没说|也没说)[○]*(不|没)|(没有|没)不|(不能说|不是说)[^＊]{0,3}(不|没)")]
    private static partial Regex DoubleNegation();

    [GeneratedRegex("^[^＊不没]?(倒是|倒|是|也|都|已经|早就|早|现在|基本上|基本|就|又|的|再)*(没有|没|不|消|退|无|少了|好(?=了|啦|全|透))(?!多|点|些|一点|像)")]
    private static partial Regex PostNegation();

    [GeneratedRegex("^(的|得|也|都|还|挺|很|蛮|可|特别|比较)*(清楚|清清楚楚|好着|平稳|舒服|干净|干干净净|匀|顺|正常|活泼|精神着|踏实|好好的|挺好)(?![^，。！？,.!?；; ]*(吗|么|不|没))")]
    private static partial Regex NormalAfter();

    // "原来有点渗血 现在不渗了": what is gone now
    [GeneratedRegex("现在(不|没)\\p{IsCJKUnifiedIdeographs}{0,2}了")]
    private static partial Regex GoneNow();

    [GeneratedRegex("[，。！？,.!?；;、 …~～]|但是|可是|不过|只是|就是|但")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex("^[嗯呃啊哦额唔]*(可能|也许|或许|大概|应该)(吧|是吧|算吧)?[吧啊呢]*$")]
    private static partial Regex BareHedge();

    /// <summary>The utterance with terms and not-really-negative words masked (same length, same offsets).</summary>
    public static string Mask(string text, IReadOnlyList<TermMatch> matches)
    {
        var chars = text.ToCharArray();
        foreach (var m in matches)
            for (var k = m.Start; k < m.Start + m.Length; k++) chars[k] = TermMark;
        var masked = new string(chars);
        masked = PotentialComplement().Replace(masked, m =>
            UncertainWords.Any(w => w.Contains('不') && IsPartOf(text, m.Index, w)) ? m.Value : Neutral.ToString());
        foreach (var word in NotNegative)
        {
            for (var at = masked.IndexOf(word, StringComparison.Ordinal); at >= 0; at = masked.IndexOf(word, at + 1, StringComparison.Ordinal))
                masked = string.Concat(masked.AsSpan(0, at), new string(Neutral, word.Length), masked.AsSpan(at + word.Length));
        }
        return masked;
    }

    private static bool IsPartOf(string text, int at, string word)
    {
        var k = word.IndexOf('不');
        var start = at - k;
        return start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0;
    }

    [GeneratedRegex("^[嗯呃啊哦额唔哎诶]*(我|我也|这个我|那我|我是)?(真的|实在|也)?$")]
    private static partial Regex Nothing();

    /// <summary>The reply says only that the speaker does not know ("不太清楚", "我也说不好啊", "不确定"): nothing else.</summary>
    public static bool OnlyUncertainty(string bare)
    {
        var rest = bare.TrimEnd('啊', '呢', '吧', '呀', '哦', '了', '的');
        foreach (var w in UncertainWords.Except(["没量", "没测", "没看"]).OrderByDescending(w => w.Length))
        {
            var at = rest.IndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && Nothing().IsMatch(rest[..at]) && rest[(at + w.Length)..].Trim('啊', '呢', '吧', '呀', '哦', '了', '的').Length == 0) return true;
        }
        return false;
    }

    /// <summary>Status of the term matched at [start, end) with the words said inside it.</summary>
    public static SymptomStatus StatusOf(string masked, int start, int end, string inserted, string synonym = "")
    {
        var correction = LastCorrection(masked, end);
        if (correction is { } c)
        {
            var after = masked[c..];
            if (!after.Contains(TermMark) && PolarityOf(after, problem: true) is { } corrected) return corrected;
        }
        var clauseStart = ClauseStart(masked, start);
        var clauseEnd = ClauseEnd(masked, end);
        var pre = masked[clauseStart..start];
        var post = masked[end..clauseEnd];
        var scope = pre + inserted;
        // "也不是没胃口", "也不是睡不着": a denial of a form that is itself negative
        if ((synonym.Contains('不') || synonym.Contains('没')) && inserted.Length == 0
            && new[] { "不是", "不见得", "不能说" }.Any(w => pre.TrimEnd().EndsWith(w, StringComparison.Ordinal))) return SymptomStatus.Present;
        if (ContainsAny(scope, UncertainWords) || ContainsAny(post, UncertainWords)) return SymptomStatus.Uncertain;
        if (post.StartsWith('不') && post.Length > 1 && post[1] == TermMark) return SymptomStatus.Uncertain; // 红不红
        var status = ScopeStatus(scope, post);
        // "说话挺清楚的", "喘气挺平稳", "肚子好着呢", "纱布上干干净净": the term's word followed by a normal state
        if (status == SymptomStatus.Present && NormalAfter().IsMatch(post)) return SymptomStatus.Absent;
        var tail = masked[clauseEnd..];
        if (tail.Length > 0 && !tail.Contains(TermMark) && ClauseBreak().IsMatch(masked.AsSpan(clauseEnd, Math.Min(2, masked.Length - clauseEnd))))
        {
            // "没肿 晚上有点" → present; "前几天还烧 这两天好了" → absent
            if (status == SymptomStatus.Absent && LastNegator(tail).At < 0
                && TailPositive.Any(w => tail.TrimEnd('了', '的', '吧', '啊', '呢', '儿', ' ').EndsWith(w, StringComparison.Ordinal))) return SymptomStatus.Present;
            if (status == SymptomStatus.Present && (ContainsAny(tail, TailAbsent) || GoneNow().IsMatch(tail))) return SymptomStatus.Absent;
        }
        return status;
    }

    private static readonly string[] TailPositive = ["有点", "有一点", "有时候", "偶尔", "其实有", "还是有", "一点点"];
    private static readonly string[] TailAbsent = ["这两天好了", "现在好了", "已经好了", "现在没了", "已经没了", "退了", "现在不了"];

    private static readonly string[] StillThere = ["没见好", "不见好", "还没好", "没全消", "没消", "没好", "没怎么好", "没退"];

    private static SymptomStatus ScopeStatus(string scope, string post)
    {
        if (ContainsAny(post, StillThere)) return SymptomStatus.Present;
        if (DoubleNegation().IsMatch(scope)) return SymptomStatus.Present;
        var (negAt, negator) = LastNegator(scope);
        if (negAt >= 0)
        {
            if (MildNotNegative.Any(w => scope.IndexOf(w, StringComparison.Ordinal) is var i && i >= 0 && i <= negAt)) return SymptomStatus.Present;
            var rest = scope[(negAt + negator.Length)..];
            if (ContainsAny(rest, PositiveResets)) return SymptomStatus.Present;
            // "坐着不动也喘": the 不 negates another word (动), 也 starts the statement about the term
            if (rest.Length >= 2 && rest.IndexOfAny(['也', '还', '就', '又']) >= 1) return SymptomStatus.Present;
            // "没发烧咳嗽" shares the negation; "没发烧有咳嗽" does not (a bare 有 after another term ends the scope).
            var lastMark = rest.LastIndexOf(TermMark);
            if (lastMark >= 0 && rest[(lastMark + 1)..].Contains('有')) return SymptomStatus.Present;
            return SymptomStatus.Absent;
        }
        var postMatch = PostNegation().Match(post);
        if (postMatch.Success)
        {
            var next = postMatch.Index + postMatch.Length;
            if (next >= post.Length || post[next] != TermMark) return SymptomStatus.Absent;
        }
        return SymptomStatus.Present;
    }

    /// <summary>
    /// Whether a reply without a named term says yes (Present), no (Absent) or does not know (Uncertain), or null when it
    /// carries no polarity. <paramref name="problem"/>: the question asks about a problem ("有没有发红"), so "挺好的"
    /// is a no; otherwise ("能正常吃饭吗") it is a yes.
    /// </summary>
    public static SymptomStatus? PolarityOf(string masked, bool problem)
    {
        var correction = LastCorrection(masked, 0);
        if (correction is { } c && c < masked.Length && PolarityOf(masked[c..], problem) is { } corrected) return corrected;
        if (ContainsAny(masked, UncertainWords) || BareHedge().IsMatch(masked)) return SymptomStatus.Uncertain;
        if (ContainsAny(masked, Quitting)) return SymptomStatus.Absent;
        if (DoubleNegation().IsMatch(masked) || ContainsAny(masked, StillThere)) return SymptomStatus.Present;
        if (ContainsAny(masked, Wellness)) return problem ? SymptomStatus.Absent : SymptomStatus.Present;
        var (negAt, negator) = LastNegator(masked);
        if (negAt >= 0)
        {
            var rest = masked[(negAt + negator.Length)..];
            if (ContainsAny(rest, PositiveResets)) return SymptomStatus.Present;
            if (MildNotNegative.Any(w => masked.Contains(w, StringComparison.Ordinal))) return SymptomStatus.Present;
            return SymptomStatus.Absent;
        }
        if (masked.Contains('○')) return SymptomStatus.Present; // 不舒服, 受不了
        if (masked.Any(ch => "有是对会能在要嗯恩行好了吃去查做打用还疼痛红肿烧咳＊".Contains(ch))) return SymptomStatus.Present;
        if (ContainsAny(masked, Hedges)) return SymptomStatus.Uncertain;
        // a description without any negation ("指尖麻", "挺臭的") says yes
        return masked.Count(ch => ch != TermMark && !"嗯啊哦呃额唔吧呢的了".Contains(ch)) >= 2 || masked.Contains(TermMark) ? SymptomStatus.Present : null;
    }

    private static int? LastCorrection(string masked, int from)
    {
        int? found = null;
        foreach (var word in Corrections)
        {
            var at = masked.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= from && (found is null || at + word.Length > found)) found = at + word.Length;
        }
        return found;
    }

    private static int ClauseStart(string masked, int start)
    {
        var begin = 0;
        foreach (Match m in ClauseBreak().Matches(masked[..start])) begin = m.Index + m.Length;
        var correction = Corrections.Select(w => (w, at: masked[..start].LastIndexOf(w, StringComparison.Ordinal)))
            .Where(x => x.at >= 0).Select(x => x.at + x.w.Length).DefaultIfEmpty(0).Max();
        return Math.Max(begin, correction);
    }

    private static int ClauseEnd(string masked, int end)
    {
        var m = ClauseBreak().Match(masked, end);
        var stop = m.Success ? m.Index : masked.Length;
        var next = masked.IndexOf(TermMark, end);
        return next >= 0 && next < stop ? Math.Min(stop, next + 1) : stop;
    }

    private static (int At, string Word) LastNegator(string scope)
    {
        for (var i = scope.Length - 1; i >= 0; i--)
        {
            foreach (var n in Negators)
                if (i + n.Length <= scope.Length && string.CompareOrdinal(scope, i, n, 0, n.Length) == 0)
                {
                    // take the longest negator that starts at or covers position i
                    var start = i;
                    foreach (var longer in Negators)
                        for (var s = Math.Max(0, i - longer.Length + 1); s <= i; s++)
                            if (s + longer.Length <= scope.Length && s + longer.Length > i && string.CompareOrdinal(scope, s, longer, 0, longer.Length) == 0 && longer.Length > n.Length)
                                return (s, longer);
                    return (start, n);
                }
        }
        return (-1, "");
    }

    internal static bool ContainsAny(string text, IEnumerable<string> words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
