namespace Suifang.Agent.Scripts;

/// <summary>
/// What patients hear must be plain (8.1.1: no uncommon medical terms without a plain word beside them) and safe
/// (9.3.1: no promises of cure, no advice to skip the doctor or stop treatment, nothing demeaning).
/// </summary>
internal static class WordingChecks
{
    /// <summary>Medical terms and the plain words that must stand beside them.</summary>
    private static readonly (string Term, string Plain)[] Jargon =
    [
        ("收缩压", "高压"), ("舒张压", "低压"), ("心悸", "心慌"), ("依从性", "按时"), ("端坐呼吸", "坐起来"), ("水肿", "浮肿"),
        ("发绀", "发紫"), ("晕厥", "晕倒"), ("黑便", "大便发黑"), ("谵妄", "糊涂"), ("造瘘", "造口"), ("INR", "凝血"),
        ("抗凝", "防血栓"), ("预后", "恢复"), ("静息", "不动"),
    ];

    private static readonly string[] Unsafe =
    [
        "保证治好", "保证治愈", "一定能治好", "一定能好", "包治", "根治", "不用看医生", "不用去医院", "不用复查",
        "自己停药", "可以停药", "随便吃", "加倍吃", "活该", "傻", "笨",
    ];

    public static void Check(string? key, string where, string? text, Action<string?, string> error, Action<string?, string> warn)
    {
        if (string.IsNullOrEmpty(text)) return;
        foreach (var (term, plain) in Jargon)
            if (text.Contains(term, StringComparison.Ordinal) && !text.Contains(plain, StringComparison.Ordinal))
                warn(key, $"{where}用了医学术语“{term}”，患者可能听不懂（8.1.1）。请加上通俗说法，如“{plain}（{term}）”。");
        foreach (var phrase in Unsafe)
            if (text.Contains(phrase, StringComparison.Ordinal) && !text.Contains("不要" + phrase, StringComparison.Ordinal)
                && !text.Contains("不能" + phrase, StringComparison.Ordinal))
                error(key, $"{where}里的“{phrase}”不合适（内容安全 9.3.1）：不能承诺疗效、不能让患者不看医生或自行改药、不能有贬低的话。请改写。");
    }
}
