using System.Globalization;
using System.Text.RegularExpressions;

namespace Suifang.Agent.Scripts;

/// <summary>One thing wrong with a script, in Chinese for the person editing it.</summary>
/// <param name="QuestionKey">The question it concerns, or null for the opening, identity check or closing.</param>
/// <param name="Field">Which part: "开场白", "问题", "分支", "按键", …</param>
/// <param name="IsError">Errors block publishing; warnings are advice (e.g. a long sentence).</param>
public sealed record ScriptProblem(string? QuestionKey, string Field, string Message, bool IsError = true);

/// <summary>
/// Checks a script before it is published: AI disclosure and the offer of a person (5.1.4), identity check, question keys
/// unique and well formed, branches to known questions and without loops, branch conditions that fit the answer type,
/// key presses (DTMF) that map to valid answers, and short plain wording (8.1.1).
/// </summary>
public static partial class ScriptChecker
{
    /// <summary>The branch target that ends the questions and says the closing.</summary>
    public const string Closing = "closing";

    /// <summary>Longest question a patient hears comfortably in one breath (characters); longer ones are warned about.</summary>
    public const int QuestionMaxLength = 60;

    /// <summary>Longest opening (characters) before a warning.</summary>
    public const int OpeningMaxLength = 100;

    private static readonly string[] Placeholders = ["{patient}", "{hospital}", "{department}", "{anchor_date}"];
    private static readonly string[] YesNoWords = ["yes", "no", "uncertain"];

    /// <summary>True when the opening says the caller is the hospital's AI assistant (disclosure of AI-generated speech).</summary>
    public static bool DisclosesAi(string? opening) =>
        opening is not null && (opening.Contains("AI", StringComparison.OrdinalIgnoreCase) || opening.Contains("人工智能")) && opening.Contains("助手");

    /// <summary>True when the opening tells the patient a person can be asked for.</summary>
    public static bool OffersPerson(string? opening) =>
        opening is not null && (opening.Contains("人工") || opening.Contains("转接") || opening.Contains("护士") || opening.Contains("医生"));

    /// <summary>Every problem of <paramref name="script"/>, errors first in reading order.</summary>
    public static IReadOnlyList<ScriptProblem> Check(Script script)
    {
        var problems = new List<ScriptProblem>();
        CheckFrame(script, problems);
        var keys = CheckKeys(script, problems);
        foreach (var q in script.Questions)
            QuestionChecks.Check(q, keys, problems);
        if (FindCycle(script) is { } cycle)
            problems.Add(new(cycle[0], "分支", $"分支形成了循环（{string.Join(" → ", cycle)}），电话会一直问下去。请把其中一个分支改为跳到后面的问题或“结束语”。"));
        return problems.OrderBy(p => p.IsError ? 0 : 1).ToList();
    }

    private static void CheckFrame(Script s, List<ScriptProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(s.Opening))
            problems.Add(new(null, "开场白", "开场白是空的。请写上问候、医院名称，并说明这是医院的 AI 智能随访助手。"));
        else
        {
            if (!DisclosesAi(s.Opening))
                problems.Add(new(null, "开场白", "开场白没有说明来电的是 AI 助手。按规定要告诉患者这是 AI 语音，例如“我是{hospital}的AI智能随访助手”。"));
            if (!OffersPerson(s.Opening))
                problems.Add(new(null, "开场白", "开场白没有告诉患者可以转人工。请加上一句，例如“需要人工服务可以随时告诉我”。"));
            if (s.Opening.Length > OpeningMaxLength)
                problems.Add(new(null, "开场白", $"开场白有 {s.Opening.Length} 个字，偏长（建议不超过 {OpeningMaxLength} 字），患者容易听不完就挂断。", false));
        }
        if (string.IsNullOrWhiteSpace(s.IdentityCheck))
            problems.Add(new(null, "身份确认", "身份确认是空的。请问清接电话的是患者本人还是家属，例如“请问您是{patient}本人或者家属吗？”"));
        if (string.IsNullOrWhiteSpace(s.Closing))
            problems.Add(new(null, "结束语", "结束语是空的。请写上感谢和提醒，例如“感谢您的配合，祝您早日康复，再见。”"));
        if (s.Questions.Count == 0)
            problems.Add(new(null, "问题", "还没有问题。请至少添加一个问题。"));
        foreach (var (field, text) in new[] { ("开场白", s.Opening), ("身份确认", s.IdentityCheck), ("结束语", s.Closing) })
            CheckPlaceholders(null, field, text, problems);
    }

    internal static void CheckPlaceholders(string? key, string field, string? text, List<ScriptProblem> problems)
    {
        foreach (Match m in Placeholder().Matches(text ?? ""))
            if (!Placeholders.Contains(m.Value))
                problems.Add(new(key, field, $"“{m.Value}”不是可用的替换词。可用的有：{{patient}} 患者称呼、{{hospital}} 医院、{{department}} 科室、{{anchor_date}} 出院或就诊日期。"));
    }

    private static HashSet<string> CheckKeys(Script s, List<ScriptProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Questions.Count; i++)
        {
            var key = s.Questions[i].Key;
            if (string.IsNullOrWhiteSpace(key))
                problems.Add(new(null, "问题编码", $"第 {i + 1} 个问题没有编码。编码用来保存答案和判断异常，请用问题词表里的编码，例如 temperature。"));
            else if (!KeyFormat().IsMatch(key))
                problems.Add(new(key, "问题编码", $"问题编码“{key}”只能用小写英文字母、数字和下划线，并以字母开头，例如 wound_redness。"));
            else if (key == Closing)
                problems.Add(new(key, "问题编码", "“closing”是结束语的保留编码，请给问题换一个编码。"));
            else if (!seen.Add(key))
                problems.Add(new(key, "问题编码", $"问题编码“{key}”重复了。同一个话术里每个问题的编码必须不同，否则答案会互相覆盖。"));
        }
        return seen;
    }

    /// <summary>A loop in the flow (question keys in order, the first repeated at the end), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(Script s)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < s.Questions.Count; i++)
            index.TryAdd(s.Questions[i].Key ?? "", i);
        var state = new int[s.Questions.Count]; // 0 new, 1 on the path, 2 done
        var path = new List<int>();

        List<string>? Visit(int i)
        {
            if (state[i] == 2)
                return null;
            if (state[i] == 1)
            {
                var from = path.IndexOf(i);
                return path.Skip(from).Append(i).Select(n => s.Questions[n].Key).ToList();
            }
            state[i] = 1;
            path.Add(i);
            foreach (var next in Successors(s, i, index))
                if (Visit(next) is { } found)
                    return found;
            path.RemoveAt(path.Count - 1);
            state[i] = 2;
            return null;
        }

        for (var i = 0; i < s.Questions.Count; i++)
            if (Visit(i) is { } cycle)
                return cycle;
        return null;
    }

    /// <summary>Where the flow may go after question <paramref name="i"/>: each branch's target and the next question.</summary>
    public static IEnumerable<int> Successors(Script s, int i, IReadOnlyDictionary<string, int> index)
    {
        var next = i + 1 < s.Questions.Count ? i + 1 : -1;
        foreach (var b in s.Questions[i].Branches)
        {
            var target = b.Goto is null ? next : index.TryGetValue(b.Goto, out var t) ? t : -1;
            if (target >= 0)
                yield return target;
        }
        if (next >= 0)
            yield return next;
    }

    internal static bool IsComparison(string when, out double value)
    {
        var m = Comparison().Match(when.Trim());
        value = 0;
        return m.Success && double.TryParse(m.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    internal static bool IsYesNoWord(string when) => YesNoWords.Contains(when.Trim(), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyFormat();

    [GeneratedRegex(@"^(>=|<=|>|<|=|==|!=)\s*(-?\d+(\.\d+)?)$")]
    private static partial Regex Comparison();
}
