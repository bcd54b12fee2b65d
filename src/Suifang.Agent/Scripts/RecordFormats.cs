using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Scripts;

/// <summary>Whether a recorded value fits its question's answer type and range (7.1.2.2 格式不符), and its normal form.</summary>
internal static partial class RecordFormats
{
    private static readonly Dictionary<string, string> YesNo = new()
    {
        ["yes"] = "yes", ["no"] = "no", ["uncertain"] = "uncertain", ["是"] = "yes", ["有"] = "yes", ["否"] = "no", ["无"] = "no",
        ["没有"] = "no", ["不确定"] = "uncertain", ["说不好"] = "uncertain", ["不清楚"] = "uncertain",
    };

    private static readonly string[] Units = ["℃", "°C", "度", "mmHg", "%", "次/天", "次", "分钟", "kg", "公斤", "mmol/L", "×10⁹/L", "分", "°"];

    private static readonly string[] DecimalUnits = ["℃", "mmol/L", "%", "×10⁹/L", "kg"];

    [GeneratedRegex(@"^(\d{2,3})\s*[/／]\s*(\d{2,3})\s*(mmHg)?$")]
    private static partial Regex BloodPressure();

    [GeneratedRegex(@"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$")]
    private static partial Regex DateForm();

    /// <summary>The normal form of the value (null when it has none) and the format or term problem, if any.</summary>
    public static (string? Normal, ConformanceProblem? Problem) Check(ScriptQuestion q, string value)
    {
        var name = RecordConformance.Name(q);
        ConformanceProblem Format(string message) => new(ConformanceType.Format, q.Key, message);
        switch (q.Type)
        {
            case AnswerType.YesNo:
                return YesNo.TryGetValue(value.ToLowerInvariant(), out var yn)
                    ? (yn, null)
                    : (null, Format($"“{name}”是“是/否”题，填的“{value}”不是是、否或说不好，请改成其中之一，具体情况写在备注里。"));
            case AnswerType.Number or AnswerType.Score:
                return Number(q, name, value, Format);
            case AnswerType.BloodPressure:
                return Pressure(name, value, Format);
            case AnswerType.Date:
                return Date(name, value, Format);
            case AnswerType.Choice:
                if (q.Choices.Contains(value)) return (value, null);
                if ((ChoiceMatcher.Best(value, q.Choices) ?? Meant(value, q.Choices)) is { } meant)
                    return (meant, new ConformanceProblem(ConformanceType.Term, q.Key, $"“{name}”填的“{value}”不是标准选项，请改成“{meant}”。"));
                return (null, Format($"“{name}”填的“{value}”不是这个问题的选项，请从“{string.Join("”“", q.Choices)}”中选一个。"));
            default:
                return RecordTerms.Colloquial(value) is { Count: > 0 } found
                    ? (value, new ConformanceProblem(ConformanceType.Term, q.Key, RecordTerms.Describe($"“{name}”", found)))
                    : (value, null);
        }
    }

    private static (string?, ConformanceProblem?) Number(ScriptQuestion q, string name, string value, Func<string, ConformanceProblem> format)
    {
        if (YesNo.TryGetValue(value.ToLowerInvariant(), out var said) && said == "uncertain") return ("uncertain", null);
        var bare = Units.Aggregate(value.Replace(" ", "", StringComparison.Ordinal), (s, u) => s.EndsWith(u, StringComparison.Ordinal) ? s[..^u.Length] : s);
        var unit = q.Unit ?? (q.Type == AnswerType.Score ? "分" : "");
        if (!double.TryParse(bare, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || double.IsNaN(x))
            return (null, format($"“{name}”应填写阿拉伯数字（如 {Example(q)}{unit}），填的“{value}”不是数字，请改正。"));
        var (min, max) = q.Type == AnswerType.Score ? (q.Min ?? 0, q.Max ?? 10) : (q.Min, q.Max);
        if ((min is { } lo && x < lo) || (max is { } hi && x > hi))
        {
            // measures written with one decimal (38.5 ℃, 6.4 mmol/L, 91.0 %) lose the point easily; scores and degrees do not
            var hint = DecimalUnits.Contains(unit) && (min is null || x / 10 >= min) && (max is null || x / 10 <= max) && x > 0 ? $"，是不是漏了小数点（{(x / 10).ToString(CultureInfo.InvariantCulture)}）" : "";
            return (null, format($"“{name}”填的 {value} 不在合理范围 {min?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{max?.ToString(CultureInfo.InvariantCulture) ?? "…"}{unit} 内{hint}，请核对后改正。"));
        }
        if (q.Type == AnswerType.Score && x * 2 != Math.Floor(x * 2))
            return (null, format($"“{name}”是 0–10 分的评分，填的 {value} 不是整数或半分，请改正。"));
        return (x.ToString(CultureInfo.InvariantCulture), null);
    }

    private static (string?, ConformanceProblem?) Pressure(string name, string value, Func<string, ConformanceProblem> format)
    {
        var m = BloodPressure().Match(value.Trim());
        if (!m.Success)
            return (null, format($"“{name}”要填收缩压和舒张压两个数，写成“150/95”的样子；填的“{value}”不是这样，请补全或改正。"));
        int high = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), low = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (high is < 60 or > 260 || low is < 30 or > 160 || high <= low)
            return (null, format($"“{name}”填的 {value} 不合理（收缩压应在 60–260、舒张压在 30–160 mmHg 之间，且收缩压大于舒张压），请核对是否写反或写错。"));
        return ($"{high}/{low}", null);
    }

    private static (string?, ConformanceProblem?) Date(string name, string value, Func<string, ConformanceProblem> format)
    {
        var m = DateForm().Match(value.Trim());
        if (m.Success && DateOnly.TryParseExact($"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture):00}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
        return (null, format(m.Success
            ? $"“{name}”填的日期 {value} 不存在，请核对月份和日子后改正。"
            : $"“{name}”应填写日期，写成“2026-12-02”的样子；填的“{value}”不是日期，请改正。"));
    }

    // Satisfaction said in everyday words, and a value whose characters are (nearly) all in one choice ("没用" → 没有使用).
    private static readonly Dictionary<string, string[]> Everyday = new()
    {
        ["非常满意"] = ["很满意", "挺满意", "特别满意", "十分满意", "太满意了", "非常好"],
        ["满意"] = ["还不错", "还可以", "还行", "挺好", "蛮好", "不错", "比较满意"],
        ["一般"] = ["一般般", "马马虎虎", "凑合", "说得过去"],
        ["不满意"] = ["不太满意", "很差", "太差", "不怎么样", "很不满意", "差劲"],
    };

    private static string? Meant(string value, IReadOnlyList<string> choices)
    {
        var bare = value.Trim().TrimEnd('吧', '啊', '的', '了', '。');
        foreach (var (choice, words) in Everyday)
            if (choices.Contains(choice) && words.Contains(bare)) return choice;
        if (bare.Length < 2) return null;
        var best = choices.Select(c => (c, share: bare.Count(c.Contains) / (double)bare.Length)).MaxBy(x => x.share);
        return best.share >= 0.99 && choices.Count(c => bare.All(c.Contains)) == 1 ? best.c : null;
    }

    private static string Example(ScriptQuestion q) =>
        q.Min is { } lo && q.Max is { } hi ? Math.Round((lo + hi) / 2, 1).ToString(CultureInfo.InvariantCulture) : "5";
}
