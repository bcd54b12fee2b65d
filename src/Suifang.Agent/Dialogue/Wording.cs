using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

/// <summary>Patient-facing wording: placeholders, polite forms, pronouns, values read back (8.1.1: plain, short, polite).</summary>
internal sealed partial class Wording(ConversationSetup setup)
{
    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木"];

    /// <summary>"张先生", "王阿姨", "李女士": surname plus a polite form; the full name when it is not Chinese or the sex is
    /// unknown ("张伟您好" rather than a guess).</summary>
    public string Patient { get; } = PoliteName(setup);

    /// <summary>他, 她, or 患者 when the sex is unknown: how questions speak of the patient to a family member.</summary>
    public string Pronoun => setup.EffectiveSex switch { PatientSex.Male => "他", PatientSex.Female => "她", _ => "患者" };

    public bool Family { get; set; }

    /// <summary>Who answered for the patient, when they said so ("我是她女儿" → 女儿); null when not said.</summary>
    public string? Relation { get; set; }

    private static readonly (string Said, string Note)[] Relations =
    [
        ("女儿", "女儿"), ("儿子", "儿子"), ("儿媳", "儿媳"), ("女婿", "女婿"), ("老伴", "老伴"), ("爱人", "爱人"),
        ("丈夫", "丈夫"), ("老公", "丈夫"), ("妻子", "妻子"), ("老婆", "妻子"), ("媳妇", "妻子"), ("孙子", "孙子"),
        ("孙女", "孙女"), ("外孙", "外孙"), ("妈妈", "母亲"), ("母亲", "母亲"), ("爸爸", "父亲"), ("父亲", "父亲"),
        ("姐姐", "姐姐"), ("妹妹", "妹妹"), ("哥哥", "哥哥"), ("弟弟", "弟弟"), ("保姆", "保姆"), ("护工", "护工"),
    ];

    /// <summary>The relation a family member named ("我是他儿媳" → 儿媳; "儿媳" before "儿子"-like prefixes), or null.</summary>
    public static string? RelationIn(string said) =>
        Relations.OrderByDescending(r => r.Said.Length).ThenBy(r => said.IndexOf(r.Said, StringComparison.Ordinal))
            .Where(r => said.Contains(r.Said, StringComparison.Ordinal)).Select(r => r.Note).FirstOrDefault();

    public static string PoliteName(ConversationSetup setup)
    {
        var name = setup.PatientName.Trim();
        if (name.Length == 0) return "您";
        if (!IsHan(name[0]) || setup.EffectiveSex == PatientSex.Unknown) return name;
        var surname = CompoundSurnames.FirstOrDefault(name.StartsWith) ?? name[..1];
        var form = setup.EffectiveSex == PatientSex.Male ? "先生" : setup.PatientAge >= 50 ? "阿姨" : "女士";
        return surname + form;
    }

    /// <summary>Fills {patient}, {hospital}, {department}, {anchor_date}.</summary>
    public string Fill(string template)
    {
        if (!template.Contains('{')) return template;
        return template
            .Replace("{patient}", Patient)
            .Replace("{hospital}", setup.Hospital)
            .Replace("{department}", setup.Department ?? "")
            .Replace("{anchor_date}", setup.AnchorDate is { } d ? SpokenDate(DateOnly.FromDateTime(d)) : "");
    }

    /// <summary>The message left on a voicemail: who called and why, the call-back number when configured, no health details.</summary>
    public string Voicemail() => Fill(Phrases.Voicemail)
        + (string.IsNullOrWhiteSpace(setup.CallBackNumber) ? "" : Phrases.VoicemailCallBack.Replace("{number}", setup.CallBackNumber.Trim()))
        + Phrases.VoicemailEnd;

    /// <summary>A question's text as spoken to whoever answered: "您" becomes 他/她 for a family member.</summary>
    public string Ask(string text) => Family ? Fill(text).Replace("您", Pronoun) : Fill(text);

    /// <summary>A plainer wording of a question for a repeat: the script's rephrase, or the text without asides.</summary>
    public string Plainer(ScriptQuestion question)
    {
        if (question.Rephrase is { Length: > 0 } r) return Ask(r);
        var text = Aside().Replace(question.Text, "");
        var cut = text.IndexOfAny(['，', ',']);
        if (cut > 4 && (text[(cut + 1)..].StartsWith("或者") || text[(cut + 1)..].StartsWith("比如")))
            text = text[..cut] + "？";
        if (text != question.Text) return Ask(text);
        return question.Type == AnswerType.YesNo
            ? Ask(text) + (text.Contains("有没有") ? "有，还是没有？" : "是，还是不是？")
            : "我再问一遍，" + Ask(text);
    }

    public static string Label(ScriptQuestion q) => q.Label ?? q.Symptom ?? "";

    /// <summary>How an answer is read back: "体温38.5度", "有伤口发红", "血压高压150、低压95".</summary>
    public string ReadBack(ScriptQuestion q, string value)
    {
        var label = Label(q);
        return q.Type switch
        {
            AnswerType.YesNo => value switch
            {
                "yes" => label.Length > 0 ? "有" + label : "是",
                "no" => label.Length > 0 ? "没有" + label : "不是",
                _ => "说不好",
            },
            AnswerType.BloodPressure when value.Split('/') is [var hi, var lo] => $"{label}高压{hi}、低压{lo}",
            AnswerType.Number or AnswerType.Score => label + value + SpokenUnit(q),
            AnswerType.Date when DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) => label + SpokenDate(d),
            _ => label + value,
        };
    }

    public static string SpokenUnit(ScriptQuestion q) => q.Unit switch
    {
        null => q.Type == AnswerType.Score ? "分" : "",
        "℃" or "°C" => "度",
        "kg" => "公斤",
        "mmHg" => "",
        "次/分" => "次",
        var u => u,
    };

    public static string SpokenDate(DateOnly d) => $"{d.Month}月{d.Day}日";

    /// <summary>"明天上午10点", "今天下午3点半", "12月3日上午9点".</summary>
    public string SpokenTime(DateTime at)
    {
        var days = (DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(setup.Now).DayNumber) switch
        {
            0 => "今天",
            1 => "明天",
            2 => "后天",
            _ => SpokenDate(DateOnly.FromDateTime(at)),
        };
        var part = at.Hour < 12 ? "上午" : at.Hour < 18 ? "下午" : "晚上";
        var hour = at.Hour > 12 ? at.Hour - 12 : at.Hour;
        var sb = new StringBuilder(days).Append(part).Append(hour).Append('点');
        if (at.Minute == 30) sb.Append('半');
        else if (at.Minute != 0) sb.Append(at.Minute).Append('分');
        return sb.ToString();
    }

    /// <summary>"上次您说伤口有点红": what was said last time, in the agent's words.</summary>
    public string Recall(RememberedAnswer earlier, ScriptQuestion q)
    {
        var said = earlier.Said.Trim().TrimEnd('。', '！', '!', '.', '，', ',');
        if (said.Length is 0 or > 16) said = ReadBack(q, earlier.Value);
        said = Regex.Replace(said, "^(嗯|啊|哦|呃)[，,]?", "");
        said = said.StartsWith("我的") ? said[2..] : said.StartsWith('我') ? said[1..] : said;
        return Family ? $"上次随访时说到{Pronoun}{said}" : $"上次您说{said}";
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex("（[^）]*）|\\([^)]*\\)")]
    private static partial Regex Aside();
}
