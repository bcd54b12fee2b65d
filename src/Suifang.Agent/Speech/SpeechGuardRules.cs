namespace Suifang.Agent.Speech;

/// <summary>What <see cref="SpeechGuard"/> looks for; the defaults suit telephone follow-up in Mandarin.</summary>
public sealed record SpeechGuardRules
{
    /// <summary>Said instead of a blocked text: no answer is made up, a nurse calls back (7.3.2.2).</summary>
    public string Fallback { get; init; } = "这个问题我先记下来，稍后请护士给您回电话，好吗？";

    /// <summary>Longest sentence, in characters, that is easy to follow on the phone (8.3.2 b).</summary>
    public int MaxSentenceChars { get; init; } = 40;

    /// <summary>Numbers that may be spoken, e.g. the hospital's service line "12320".</summary>
    public IReadOnlyList<string> AllowedNumbers { get; init; } = [];

    /// <summary>Promises of cure or certain outcomes (blocked from any source).</summary>
    public IReadOnlyList<string> CurePromises { get; init; } =
    [
        "保证治愈", "保证能治好", "包治", "根治", "一定能治好", "一定会好", "肯定能好", "肯定会好", "百分之百",
        "100%", "药到病除", "永不复发", "不会复发", "绝对安全", "没有任何副作用", "完全康复没问题",
    ];

    /// <summary>Abusive and discriminatory words (blocked from any source, 9.3.1 a, b).</summary>
    public IReadOnlyList<string> Disrespectful { get; init; } =
    [
        "傻子", "傻瓜", "白痴", "笨蛋", "蠢货", "废物", "滚开", "去死", "神经病", "老不死", "乡巴佬", "土包子",
        "残废", "瘸子", "聋子", "瞎子", "哑巴", "弱智", "低能", "穷鬼", "死胖子", "没文化", "你们这种人",
    ];

    /// <summary>
    /// Diagnoses and dosing: regular expressions that mark medical advice. Blocked unless the text comes from a
    /// reviewed script or the knowledge base.
    /// </summary>
    public IReadOnlyList<string> MedicalAdvicePatterns { get; init; } =
    [
        @"(吃|服|服用|口服|注射|打|用|含服|喷)\s*([0-9０-９.]+|[一二两三四五六七八九十半]+)\s*(片|粒|颗|毫克|mg|克|毫升|ml|支|袋|包|单位|滴|喷)",
        @"(加量|减量|加药|减药|停药|停掉|换药|换成|加倍|剂量)",
        @"(确诊|诊断为|诊断是|您得了|你得了|您得的是|你得的是|您患了|你患了|是癌|是肿瘤|恶性)",
        @"(您|你)(这|这个)?(就)?是[^，。,.]{0,6}(病|症|炎|癌|瘤|梗|综合征)",
    ];

    /// <summary>Medical terms and their plain wording (8.1.1: terms need a plain explanation).</summary>
    public IReadOnlyDictionary<string, string> Jargon { get; init; } = new Dictionary<string, string>
    {
        ["预后"] = "以后恢复的情况",
        ["依从性"] = "有没有按医生说的做",
        ["禁忌症"] = "不能用的情况",
        ["禁忌证"] = "不能用的情况",
        ["血氧饱和度"] = "血里的氧气够不够",
        ["抗凝"] = "防止血液凝固",
        ["肌酐"] = "看肾功能的一项化验",
        ["糖化血红蛋白"] = "近三个月的平均血糖",
        ["引流"] = "把伤口里的液体引出来",
        ["造瘘"] = "在肚子上做的排便口",
        ["体征"] = "身体情况",
        ["创面"] = "伤口",
        ["渗液"] = "伤口流水",
        ["心悸"] = "心慌",
        ["纳差"] = "吃饭没胃口",
        ["便秘"] = "大便干、解不出来",
        ["水肿"] = "浮肿",
        ["INR"] = "凝血化验的数值",
        ["PCI"] = "心脏支架手术",
        ["NSAIDs"] = "止痛消炎药",
    };
}
