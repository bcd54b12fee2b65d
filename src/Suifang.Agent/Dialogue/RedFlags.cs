using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Dialogue;

/// <summary>A red-flag symptom class: its standard name and the words patients use for it.</summary>
internal sealed record RedFlag(string Name, string[] Words);

/// <summary>
/// The red-flag lexicon. During a call a clearly present red flag hands off at once; after the call
/// <see cref="RedFlagPass"/> reads the whole transcript with high recall.
/// </summary>
internal static class RedFlags
{
    public static readonly RedFlag[] All =
    [
        new("胸痛", ["胸痛", "胸口痛", "胸口疼", "胸疼", "胸闷", "心口痛", "心口疼", "胸口压", "胸口发紧", "胸口难受", "心绞痛"]),
        new("出血", ["出血", "流血", "吐血", "呕血", "便血", "黑便", "大便发黑", "大便是黑", "大便黑", "大便有点黑", "大便有点发黑", "柏油样", "尿血", "血尿", "咯血", "咳血"]),
        new("呼吸困难", ["呼吸困难", "喘不上气", "喘不过气", "上不来气", "透不过气", "憋气", "气短", "气喘", "喘得厉害"]),
        new("自杀念头", ["自杀", "不想活", "想死", "轻生", "活着没意思", "寻死", "了结自己", "活不下去"]),
        new("晕厥或意识不清", ["晕倒", "昏倒", "昏迷", "晕厥", "意识不清", "叫不醒", "失去知觉", "晕过去"]),
        new("抽搐", ["抽搐", "抽风"]),
        new("中风表现", ["嘴歪", "口角歪", "说话不清", "口齿不清", "半边身子", "一侧无力", "偏瘫", "手脚不听使唤"]),
    ];

    /// <summary>The red flag a text names (a symptom's term or surface, a question's text), if any.</summary>
    public static RedFlag? In(string text)
    {
        foreach (var flag in All)
        {
            if (text.Contains(flag.Name, StringComparison.Ordinal)) return flag;
            foreach (var w in flag.Words)
                if (text.Contains(w, StringComparison.Ordinal)) return flag;
        }
        return null;
    }

    /// <summary>The red flag a symptom mention names. A milder, narrower form of a red-flag term that the lexicon marks
    /// as no red flag itself (伤口出血 "刀口渗了点血水", broader 出血) is an abnormal finding for a same-day nurse review,
    /// not an emergency: it names none. Heavy bleeding ("血止不住", "纱布都湿透了", "流了很多血") is the term 出血.</summary>
    public static RedFlag? Of(SymptomMention m) =>
        Lexicon.Get(m.Term) is { RedFlag: false, Broader: { } broader } && Lexicon.Get(broader) is { RedFlag: true }
            ? null
            : In(m.Term) ?? In(m.Surface);

    private static TermLexicon Lexicon => TermLexicon.Default;

    /// <summary>Whether a question asks about the red flag (its symptom, label or text names it).</summary>
    public static bool Asks(ScriptQuestion q, RedFlag flag) =>
        In(q.Symptom ?? "") == flag || In(q.Label ?? "") == flag || In(q.Text) == flag;

    /// <summary>A red flag the understanding found clearly present, not the subject of the question just asked.</summary>
    public static (RedFlag Flag, SymptomMention Mention)? Alarming(UtteranceUnderstanding u, ScriptQuestion? asked)
    {
        foreach (var m in u.Symptoms)
        {
            if (m.Status != SymptomStatus.Present || Of(m) is not { } flag) continue;
            if (asked is not null && Asks(asked, flag)) continue;
            return (flag, m);
        }
        return null;
    }
}
