using System.Globalization;
using System.Text.RegularExpressions;

namespace Suifang.Agent.Scripts;

/// <summary>How bad a script problem is: an error stops publishing, a warning is advice.</summary>
public enum ScriptProblemSeverity
{
    /// <summary>The script cannot be used on calls until fixed.</summary>
    Error = 1,
    /// <summary>Usable, but worth changing.</summary>
    Warning = 2,
}

/// <summary>One problem found in a script, in Chinese, saying what is wrong and how to fix it.</summary>
/// <param name="QuestionKey">The question it concerns, or null for the script as a whole.</param>
public sealed record ScriptProblem(ScriptProblemSeverity Severity, string? QuestionKey, string Message)
{
    /// <summary>True when the problem stops publishing.</summary>
    public bool IsError => Severity == ScriptProblemSeverity.Error;

    /// <summary>Where the problem is, in the editor's words: the script as a whole or one question.</summary>
    public string Field => QuestionKey is null ? "话术" : "问题";
}

/// <summary>Validates a script before it is saved or published (the editor shows the problems).</summary>
public static partial class ScriptChecker
{
    /// <summary>Placeholders the engine fills.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{patient}", "{hospital}", "{department}", "{anchor_date}"];

    /// <summary>The Goto target that ends the questions and goes to the closing.</summary>
    public const string Closing = "closing";

    /// <summary>Questions longer than this are hard to follow on the phone (a warning).</summary>
    public const int QuestionMaxLength = 60;

    private const int LongQuestion = QuestionMaxLength;

    /// <summary>All problems of <paramref name="script"/>, errors first; empty when it is fine.</summary>
    public static IReadOnlyList<ScriptProblem> Check(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var problems = new List<ScriptProblem>();
        void Error(string? key, string message) => problems.Add(new(ScriptProblemSeverity.Error, key, message));
        void Warn(string? key, string message) => problems.Add(new(ScriptProblemSeverity.Warning, key, message));

        // Key and name are checked where scripts are stored (they are columns beside the JSON there).
        CheckOpening(script.Opening ?? "", Error);
        if (string.IsNullOrWhiteSpace(script.IdentityCheck))
            Error(null, "缺少身份确认，请填写，如“请问您是{patient}本人或者家属吗？”。");
        if (string.IsNullOrWhiteSpace(script.Closing))
            Error(null, "缺少结束语，请填写通话结束时说的话，如“感谢您的配合，祝您早日康复，再见。”。");
        if (script.Questions.Count == 0) Warn(null, "话术还没有问题，通话只会问候和结束。");

        foreach (var (where, text) in new[] { ("开场白", script.Opening), ("身份确认", script.IdentityCheck), ("结束语", script.Closing) })
        {
            CheckPlaceholders(null, where, text, Error);
            WordingChecks.Check(null, where, text, Error, Warn);
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < script.Questions.Count; i++)
        {
            var q = script.Questions[i];
            if (string.IsNullOrWhiteSpace(q.Key)) { Error(null, $"第{i + 1}个问题缺少编号（key），请填写。"); continue; }
            if (first.TryGetValue(q.Key, out var j))
                Error(q.Key, $"问题编号“{q.Key}”重复（第{j + 1}个和第{i + 1}个问题），每个问题的编号必须不同。");
            else first[q.Key] = i;
        }

        for (var i = 0; i < script.Questions.Count; i++)
            QuestionChecks.Check(script.Questions[i], i, first, Error, Warn);
        return problems.OrderBy(p => p.Severity).ToList();
    }

    /// <summary>Whether an opening says that an AI assistant is speaking (disclosure of AI-generated speech).</summary>
    public static bool DisclosesAi(string? opening) => opening is not null && AiDisclosure().IsMatch(opening);

    /// <summary>Whether an opening offers the patient a person.</summary>
    public static bool OffersPerson(string? opening) => opening?.Contains("人工", StringComparison.Ordinal) == true;

    private static void CheckOpening(string opening, Action<string?, string> error)
    {
        if (string.IsNullOrWhiteSpace(opening)) { error(null, "缺少开场白，请填写，并说明是医院的AI智能随访助手。"); return; }
        if (!DisclosesAi(opening))
            error(null, "开场白没有说明是AI智能助手：请写明“我是{hospital}的AI智能随访助手”，让患者知道是人工智能在说话。");
        if (!OffersPerson(opening))
            error(null, "开场白没有告诉患者可以转人工：请加上“如需人工可以随时说转人工”。");
    }

    internal static void CheckPlaceholders(string? key, string where, string? text, Action<string?, string> error)
    {
        if (text is null) return;
        foreach (Match m in Placeholder().Matches(text))
            if (!Placeholders.Contains(m.Value))
                error(key, $"{where}里的“{m.Value}”不是可用的占位符，可用的有：{string.Join("、", Placeholders)}。");
    }

    internal static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    internal static int MaxQuestionLength => LongQuestion;

    [GeneratedRegex("AI|人工智能|智能(随访|语音)?助手|机器人", RegexOptions.IgnoreCase)]
    private static partial Regex AiDisclosure();

    [GeneratedRegex("\\{[^{}]*\\}")]
    private static partial Regex Placeholder();
}
