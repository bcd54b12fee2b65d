using Suifang.Agent.Dialogue;

namespace Suifang.Agent.Scripts;

/// <summary>The checks of one question: type, range, choices, key presses, branches and their targets.</summary>
internal static class QuestionChecks
{
    private static readonly string[] YesNoValues = ["yes", "no", "uncertain"];

    public static void Check(ScriptQuestion q, int index, IReadOnlyDictionary<string, int> keys,
        Action<string?, string> error, Action<string?, string> warn)
    {
        var name = $"问题“{q.Key}”";
        if (string.IsNullOrWhiteSpace(q.Text)) error(q.Key, $"{name}没有问题内容，请填写要问的话。");
        else if (q.Text.Length > ScriptChecker.MaxQuestionLength)
            warn(q.Key, $"{name}有{q.Text.Length}个字，患者在电话里不容易听懂（8.1.1），请尽量缩短到{ScriptChecker.MaxQuestionLength}字以内，或拆成两个问题。");
        ScriptChecker.CheckPlaceholders(q.Key, name, q.Text, error);
        ScriptChecker.CheckPlaceholders(q.Key, name + "的换个说法", q.Rephrase, error);
        WordingChecks.Check(q.Key, name, q.Text, error, warn);
        WordingChecks.Check(q.Key, name + "的换个说法", q.Rephrase, error, warn);
        if (q.Type == AnswerType.Choice && q.Choices.Count < 2)
            error(q.Key, $"{name}是选择题，但选项少于两个，请填写选项。");
        if (q.Type != AnswerType.Choice && q.Choices.Count > 0)
            warn(q.Key, $"{name}不是选择题，填写的选项不会用到。可以把类型改成“选择”，或删去选项。");
        if (q.Min is { } min && q.Max is { } max && min > max)
            error(q.Key, $"{name}的最小值{min}大于最大值{max}，请改正范围。");
        if (q.Confirm && q.Type != AnswerType.Text && string.IsNullOrWhiteSpace(q.Label))
            warn(q.Key, $"{name}要复述确认，请填写简称（如“体温”），复述时说“您是说体温38.5度，对吗？”。");
        if (q.Confirm && q.Type == AnswerType.Text)
            warn(q.Key, $"{name}是自由回答，复述确认没有意义，可以取消“复述确认”。");

        foreach (var (digits, value) in q.Dtmf)
        {
            if (digits.Length == 0 || digits.Any(c => !char.IsAsciiDigit(c) && c != '*' && c != '#'))
                error(q.Key, $"{name}的按键“{digits}”不对，只能用数字键0–9、*和#。");
            var fits = q.Type switch
            {
                AnswerType.YesNo => YesNoValues.Contains(value),
                AnswerType.Choice => q.Choices.Contains(value),
                AnswerType.Number or AnswerType.Score => ScriptChecker.IsNumber(value),
                _ => true,
            };
            if (!fits) error(q.Key, $"{name}的按键{digits}对应“{value}”，这不是这个问题能有的回答（是否题用 yes/no/uncertain，选择题用选项原文）。");
        }

        foreach (var b in q.Branches) CheckBranch(q, index, b, keys, error, warn);
    }

    private static void CheckBranch(ScriptQuestion q, int index, ScriptBranch b, IReadOnlyDictionary<string, int> keys,
        Action<string?, string> error, Action<string?, string> warn)
    {
        var name = $"问题“{q.Key}”的分支“{b.When}”";
        var when = (b.When ?? "").Trim();
        if (when.Length == 0) error(q.Key, $"问题“{q.Key}”有一个分支没有条件，请填写 yes、no、uncertain、选项原文或比较（如 >=38.5）。");
        else if (when == "uncertain") { }
        else if (when is "yes" or "no")
        {
            if (q.Type != AnswerType.YesNo) error(q.Key, $"{name}是“是/否”条件，但这个问题不是是否题。");
        }
        else if (BranchMatcher.TryParseComparison(when, out _, out var limits))
        {
            if (q.Type is not (AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure))
                error(q.Key, $"{name}是数值比较，但这个问题不是数字、评分或血压题。");
            else if (q.Type == AnswerType.BloodPressure && limits.Length != 2)
                error(q.Key, $"{name}：血压要写成两个数，如 >=140/90。");
            else if (q.Type != AnswerType.BloodPressure && limits.Length != 1)
                error(q.Key, $"{name}：只有血压题可以写两个数。");
        }
        else if (BranchMatcher.TryParseComparison(when.TrimStart('>', '<', '=', '!'), out _, out _) || when[0] is '>' or '<' or '=' or '!')
            error(q.Key, $"{name}的比较写法不对，请写成 >=38.5、<90 这样的形式。");
        else if (q.Type != AnswerType.Choice)
            error(q.Key, $"{name}是一个选项，但这个问题不是选择题。是否题请用 yes/no/uncertain，数字题请用比较（如 >=38.5）。");
        else if (!q.Choices.Contains(when))
            error(q.Key, $"{name}不在选项中（选项：{string.Join("、", q.Choices)}），请改成其中一个。");

        ScriptChecker.CheckPlaceholders(q.Key, name + "的回复", b.Say, error);
        WordingChecks.Check(q.Key, name + "的回复", b.Say, error, warn);
        if (string.IsNullOrWhiteSpace(b.Say) && string.IsNullOrWhiteSpace(b.Goto))
            warn(q.Key, $"{name}既不说话也不跳转，可以删去。");
        if (b.Goto is not { Length: > 0 } target || target == "closing") return;
        if (!keys.TryGetValue(target, out var to))
            error(q.Key, $"{name}跳转到“{target}”，但没有这个问题编号。请填写已有的问题编号，或填 closing（结束）。");
        else if (to <= index)
            error(q.Key, to == index
                ? $"{name}跳转到自己，会一直重复这个问题。请跳到后面的问题或 closing。"
                : $"{name}跳回到前面的问题“{target}”，会形成循环（{target} → … → {q.Key} → {target}），通话可能结束不了。请跳到后面的问题或 closing。");
    }
}
