using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Scripts;

/// <summary>
/// Colloquial symptom words in a record (7.1.2.2 术语错误): a synonym of data/nlu/terms.jsonl said where the standard term
/// belongs ("刀口红" → 伤口发红, "发烧" → 发热, "心慌" → 心悸). Words that are themselves written clinical usage (红肿, 渗液,
/// 浮肿, 气短 …) and one-character words are accepted.
/// </summary>
internal static class RecordTerms
{
    private static readonly HashSet<string> Written =
    [
        "红肿", "渗血", "渗液", "渗出", "化脓", "浮肿", "下肢水肿", "气短", "气促", "气喘", "气急", "干咳", "咳痰", "浓痰", "痰中带血", "黄痰",
        "黄脓痰", "稀便", "柏油样便", "皮下出血", "牙龈出血", "鼻出血", "出血点", "青紫", "乏力", "疲劳", "无力", "嗜睡", "昏迷", "昏睡",
        "抽搐", "溃疡", "皮疹", "红疹", "风团", "瘙痒", "失眠", "胸闷", "压榨感", "头昏", "干呕", "视物模糊", "重影", "吞咽困难", "呛咳",
        "口齿不清", "吐字不清", "含糊不清", "抑郁", "烦躁", "摔倒", "尿黄", "胀痛", "酸痛", "发红", "肿胀", "疼痛", "麻木", "发麻",
        "血块", "异味", "腹痛", "胸痛", "头痛", "腹泻", "呕吐", "恶心", "咯血", "水肿", "心悸", "黑便", "便秘", "渗血水", "血水", "流脓",
        "咳嗽", "发热", "高热", "低热", "耳鸣", "鼻翼扇动", "呼吸急促", "精神差", "嗜睡", "轻生", "自杀", "血糖偏高", "血压偏高",
        "血糖偏低", "下肢浮肿", "呼吸困难", "言语不清", "口角歪斜", "肢体无力", "意识障碍", "体温升高", "恶露异常", "黄疸", "血压高", "血糖高",
    ];

    /// <summary>The colloquial words of <paramref name="text"/> with the standard term for each, in text order, once each.</summary>
    public static IReadOnlyList<(string Said, string Standard)> Colloquial(string text) =>
        TermLexicon.Default.Find(text)
            .Where(m => m.Term.IsSymptom && m.Synonym.Length >= 2 && m.Synonym != m.Term.Name && !Written.Contains(m.Synonym)
                        && !m.Term.Name.Contains(m.Synonym, StringComparison.Ordinal))
            .Select(m => (Said: text.Substring(m.Start, m.Length), Standard: m.Term.Name))
            .DistinctBy(x => x.Said)
            .ToList();

    /// <summary>"备注里的“刀口红”请写成标准术语“伤口发红”…" for <paramref name="where"/>.</summary>
    public static string Describe(string where, IReadOnlyList<(string Said, string Standard)> found) =>
        $"{where}里用了口语说法：" + string.Join("；", found.Select(f => $"“{f.Said}”请写成标准术语“{f.Standard}”")) + "。";
}
