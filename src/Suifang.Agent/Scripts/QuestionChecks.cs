using System.Globalization;

namespace Suifang.Agent.Scripts;

/// <summary>The checks of one question: its wording, answer type, choices, range, branches and key presses.</summary>
internal static class QuestionChecks
{
    public static void Check(ScriptQuestion q, IReadOnlySet<string> keys, List<ScriptProblem> problems)
    {
        var key = string.IsNullOrWhiteSpace(q.Key) ? null : q.Key;
        var name = key ?? "（无编码）";
        if (string.IsNullOrWhiteSpace(q.Text))
            problems.Add(new(key, "问法", $"问题“{name}”没有问法。请写出对患者说的话。"));
        else if (q.Text.Length > ScriptChecker.QuestionMaxLength)
            problems.Add(new(key, "问法", $"问题“{name}”有 {q.Text.Length} 个字，偏长（建议不超过 {ScriptChecker.QuestionMaxLength} 字）。电话里一句话太长，老人记不住，请拆开或精简。", false));
        if (q.Rephrase is { Length: > ScriptChecker.QuestionMaxLength })
            problems.Add(new(key, "换个说法", $"问题“{name}”的“换个说法”偏长，重复时应比原问法更短、更直白。", false));
        ScriptChecker.CheckPlaceholders(key, "问法", q.Text, problems);
        ScriptChecker.CheckPlaceholders(key, "换个说法", q.Rephrase, problems);

        switch (q.Type)
        {
            case AnswerType.Choice when q.Choices.Count < 2:
                problems.Add(new(key, "选项", $"选择题“{name}”至少要有两个选项。"));
                break;
            case AnswerType.Choice when q.Choices.Distinct().Count() != q.Choices.Count:
                problems.Add(new(key, "选项", $"选择题“{name}”有重复的选项，请删掉重复的。"));
                break;
            case AnswerType.Number when string.IsNullOrWhiteSpace(q.Unit):
                problems.Add(new(key, "单位", $"数值题“{name}”没有单位（如 ℃、mmHg、次/分）。没有单位时确认答案会让患者困惑。", false));
                break;
        }
        if (q.Min is { } min && q.Max is { } max && min > max)
            problems.Add(new(key, "范围", $"问题“{name}”的最小值 {min} 大于最大值 {max}，请对调。"));

        foreach (var b in q.Branches)
            CheckBranch(q, name, key, b, keys, problems);
        foreach (var (digit, answer) in q.Dtmf)
            CheckDtmf(q, name, key, digit, answer, problems);
    }

    private static void CheckBranch(ScriptQuestion q, string name, string? key, ScriptBranch b, IReadOnlySet<string> keys, List<ScriptProblem> problems)
    {
        if (b.Goto is { } target && target != ScriptChecker.Closing && !keys.Contains(target))
            problems.Add(new(key, "分支", $"问题“{name}”的分支要跳到“{target}”，但话术里没有这个问题。请选择已有的问题或“结束语”。"));
        if (b.Goto is null && string.IsNullOrWhiteSpace(b.Say))
            problems.Add(new(key, "分支", $"问题“{name}”有一个分支既不说话也不跳转，不起作用，可以删掉。", false));
        var when = (b.When ?? "").Trim();
        if (when.Length == 0)
        {
            problems.Add(new(key, "分支", $"问题“{name}”有一个分支没有写条件（在什么回答时走这个分支）。"));
            return;
        }
        var isYesNo = ScriptChecker.IsYesNoWord(when);
        var isComparison = ScriptChecker.IsComparison(when, out _);
        var fits = q.Type switch
        {
            AnswerType.YesNo => isYesNo,
            AnswerType.Choice => q.Choices.Contains(when) || when.Equals("uncertain", StringComparison.OrdinalIgnoreCase),
            AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure => isComparison || when.Equals("uncertain", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (fits)
            return;
        var message = q.Type switch
        {
            AnswerType.YesNo when !isComparison => $"是/否题“{name}”的分支条件“{when}”不对：只能是 yes（是）、no（否）或 uncertain（说不清）。按选项分支需要把回答类型改为“单选”。",
            AnswerType.YesNo => $"是/否题“{name}”不能按数值比较分支（“{when}”）。请把回答类型改为“数值”，或把条件改为 yes / no。",
            AnswerType.Choice => $"选择题“{name}”的分支条件“{when}”不是它的选项。请从选项中选一个：{string.Join("、", q.Choices)}。",
            AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure => $"数值题“{name}”的分支条件“{when}”要写成比较，例如 >=38.5 或 <50。",
            _ => $"“{name}”是日期或文字题，不能按答案分支。需要分支时请把回答类型改为是/否、单选或数值。",
        };
        problems.Add(new(key, "分支", message));
    }

    private static void CheckDtmf(ScriptQuestion q, string name, string? key, string digit, string answer, List<ScriptProblem> problems)
    {
        if (digit.Length != 1 || !"0123456789*#".Contains(digit[0]))
            problems.Add(new(key, "按键", $"问题“{name}”的按键“{digit}”不是电话上的一个键（0–9、* 或 #）。"));
        var valid = q.Type switch
        {
            AnswerType.YesNo => ScriptChecker.IsYesNoWord(answer),
            AnswerType.Choice => q.Choices.Contains(answer),
            AnswerType.Number or AnswerType.Score => double.TryParse(answer, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            _ => false,
        };
        if (!valid)
            problems.Add(new(key, "按键", q.Type switch
            {
                AnswerType.YesNo => $"问题“{name}”按 {digit} 的答案“{answer}”不对：是/否题只能是 yes、no 或 uncertain。",
                AnswerType.Choice => $"问题“{name}”按 {digit} 的答案“{answer}”不是它的选项（{string.Join("、", q.Choices)}）。",
                AnswerType.Number or AnswerType.Score => $"问题“{name}”按 {digit} 的答案“{answer}”要是一个数字。",
                _ => $"问题“{name}”是日期、血压或文字题，不能用按键回答。请删掉按键，或把回答类型改为是/否、单选或评分。",
            }));
    }
}
