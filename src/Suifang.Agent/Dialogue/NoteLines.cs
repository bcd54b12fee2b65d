using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// Answers written as a nurse's note: "无发热", "伤口周围有发红（刀口边上有点红）", "体温37.2℃", "血压128/78 mmHg",
/// "吃药情况：按时服用". The name of an item is the script's <see cref="ScriptQuestion.Note"/>, its label or symptom, or
/// is derived from the question ("伤口有没有渗液、流脓或者渗血？" → 伤口 + 渗液、流脓、渗血); a question the rules cannot
/// turn into a finding keeps its own words ("咳嗽比出院时加重了：否").
/// </summary>
internal static partial class NoteLines
{
    public static List<string> Findings(Script script, IReadOnlyList<CollectedAnswer> answers)
    {
        var lines = new List<string>();
        var used = new HashSet<CollectedAnswer>();
        foreach (var a in answers)
        {
            if (!used.Add(a)) continue;
            var q = script.Questions.FirstOrDefault(x => x.Key == a.QuestionKey);
            if (q is null) { lines.Add(a.QuestionKey + "：" + a.Value); continue; }
            if (q.Key.EndsWith("_systolic", StringComparison.Ordinal)
                && answers.FirstOrDefault(x => x.QuestionKey == q.Key[..^"_systolic".Length] + "_diastolic") is { } lo
                && IsNumber(a.Value) && IsNumber(lo.Value))
            {
                used.Add(lo);
                lines.Add($"血压{a.Value}/{lo.Value} mmHg" + (a.Confirmed || lo.Confirmed ? "（已复核）" : ""));
                continue;
            }
            // A systolic pressure asked alone is the 收缩压, not the whole 血压.
            var line = q.Key.EndsWith("_systolic", StringComparison.Ordinal) && IsNumber(a.Value) && q.Note is null
                ? "收缩压" + a.Value + Unit(q)
                : Finding(q, a);
            lines.Add(line + (a.Confirmed ? "（已复核）" : ""));
        }
        return lines;
    }

    /// <summary>The name of an item in a note, or null when neither the script nor the question gives one.</summary>
    public static string? Name(ScriptQuestion q) => q.Note ?? q.Label ?? q.Symptom ?? Derive(q)?.Whole;

    private static string Finding(ScriptQuestion q, CollectedAnswer a)
    {
        var v = a.Value;
        switch (q.Type)
        {
            case AnswerType.YesNo:
                var named = q.Note ?? q.Label ?? q.Symptom;
                var parts = named is null ? Derive(q) : new Parts("", named);
                return v switch
                {
                    "yes" => (q.NoteYes ?? (parts is null ? Stem(q) + "：是" : parts.Subject + "有" + parts.Thing)) + Detail(a.Said, parts),
                    // An action not done yet keeps what the patient plans ("未复诊（还没去，下周去）"); a denied symptom
                    // needs no words ("没有 干干的" is just 无渗液).
                    "no" => q.NoteNo is { } noted ? noted + Detail(a.Said, parts, denial: true)
                        : parts is null ? Stem(q) + "：否" : parts.Subject + (parts.Thing.EndsWith('过') ? "没有" : "无") + parts.Thing,
                    _ => (parts?.Whole ?? Stem(q)) + "说不清" + Detail(a.Said, parts),
                };
            case AnswerType.BloodPressure when v.Split('/') is [var hi, var lo]:
                return $"{Name(q) ?? "血压"}{hi}/{lo} mmHg";
            case AnswerType.Number or AnswerType.Score:
                return IsNumber(v) ? (Name(q) ?? Stem(q)) + v + Unit(q) : (Name(q) ?? Stem(q)) + "不清楚";
            case AnswerType.Date when DateOnly.TryParse(v, CultureInfo.InvariantCulture, out var d):
                return (Name(q) ?? Stem(q)) + Wording.SpokenDate(d);
            default:
                return (Name(q) ?? Stem(q)) + "：" + (v == "uncertain" ? "说不清" : v);
        }
    }

    /// <summary>The patient's own words after a present or uncertain finding, when they say more than "有/是/对".</summary>
    private static string Detail(string said, Parts? parts, bool denial = false)
    {
        var s = Spaces().Replace(said.Trim().TrimEnd('。', '！', '!', '.', '，', ','), "，");
        s = Filler().Replace(s, "");
        if (s.Length < 2 || s.Length > 30 || Affirmation().IsMatch(s)) return "";
        if (denial && (Denial().IsMatch(s) || s.Length <= 3)) return "";
        if (parts is not null && (s == parts.Thing || s == parts.Whole)) return "";
        return "（" + s + "）";
    }

    private static string Unit(ScriptQuestion q) => q.Unit switch
    {
        null => q.Type == AnswerType.Score ? "分" : "",
        "kg" => "公斤",
        "mmHg" => " mmHg",
        var u => u,
    };

    private static bool IsNumber(string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>A yes/no finding's subject and thing: "伤口" + "渗液、流脓、渗血".</summary>
    private sealed record Parts(string Subject, string Thing)
    {
        public string Whole => Subject + Thing;
    }

    private static Parts? Derive(ScriptQuestion q)
    {
        var text = Question(q);
        var m = AsksWhether().Match(text);
        if (!m.Success)
        {
            if (q.Type is not (AnswerType.Number or AnswerType.Score)) return null;
            var n = AsksHowMuch().Match(text);
            if (!n.Success) return null;
            var name = Lead().Replace(LastClause(n.Groups["name"].Value), "");
            return name.Length is >= 2 and <= 12 ? new Parts("", name) : null;
        }
        var subject = Lead().Replace(LastClause(m.Groups["subject"].Value), "");
        var thing = m.Groups["thing"].Value.Replace("或者", "、").Replace("或", "、").Trim();
        thing = Regex.Replace(thing, "^(经常|明显)", "");
        return thing.Length is >= 1 and <= 20 && subject.Length <= 10 ? new Parts(subject, thing) : null;
    }

    /// <summary>The question in a few words: "咳嗽比出院时加重了", "现在还吸烟".</summary>
    private static string Stem(ScriptQuestion q)
    {
        var s = Question(q).Replace("您", "");
        s = Regex.Replace(s, "(吗|呢)$", "");
        return s.Length > 0 ? s : q.Key;
    }

    private static string Question(ScriptQuestion q)
    {
        var text = Aside().Replace(q.Text, "");
        var end = text.IndexOfAny(['？', '?']);
        return (end > 0 ? text[..end] : text).Trim();
    }

    private static string LastClause(string s) => s[(s.LastIndexOfAny(['，', ',']) + 1)..].Trim();

    [GeneratedRegex("（[^）]*）|\\([^)]*\\)")]
    private static partial Regex Aside();

    [GeneratedRegex("^(?<subject>.*?)(有没有|会不会|是否有)(?<thing>[^，,？?]+)")]
    private static partial Regex AsksWhether();

    [GeneratedRegex("^(?<name>.*?)(是多少|有多少|多少|几)")]
    private static partial Regex AsksHowMuch();

    [GeneratedRegex("^(请问|您|最近两周|最近一次|最近|现在|这几天|这次|平时|查的|量的|测的)+")]
    private static partial Regex Lead();

    [GeneratedRegex("^(没有|没|不|还没有|还没|没去|没做|没打|没取|不是|不抽|不抽了|没抽)$")]
    private static partial Regex Denial();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("^((嗯|啊|哦|呃|对对|对|是的|对的|有的)[，,]?)+")]
    private static partial Regex Filler();

    [GeneratedRegex("^(有|是|对|有的|是的|对的|有一点|有点|一点)$")]
    private static partial Regex Affirmation();
}
