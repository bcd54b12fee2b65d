using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;

namespace Suifang.Core.ManualFollowUp.Editing;

/// The checks a template must pass before it is saved; every message says what to fix.
public static partial class ManualTemplateValidation
{
    public static List<string> Check(ManualTemplateInput input)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add("请填写模板名称。");
        else if (input.Name.Trim().Length > 128)
            errors.Add("模板名称最多 128 字。");
        if (input.Questions.Count == 0)
            errors.Add("模板至少要有一个问题。");
        if (input.Questions.Count > 60)
            errors.Add("一个模板最多 60 个问题；问题太多时，电话里很难问完。");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Questions.Count; i++)
        {
            var q = input.Questions[i];
            var at = $"第 {i + 1} 题";
            var key = q.Key?.Trim() ?? "";
            if (!KeyPattern().IsMatch(key))
                errors.Add($"{at}的问题编码“{key}”不对：请用小写英文字母开头，只含小写字母、数字和下划线，例如 sleep_quality。");
            else if (!keys.Add(key))
                errors.Add($"{at}的问题编码“{key}”重复了，每个问题的编码要不同。");
            if (string.IsNullOrWhiteSpace(q.Text))
                errors.Add($"{at}还没有题目文字。");
            else if (q.Text.Length > 300)
                errors.Add($"{at}的题目最多 300 字。");
            if (q.Kind == AnswerKind.Choice)
            {
                var options = ManualTemplateInput.Options(q.Choices);
                if (options.Count < 2)
                    errors.Add($"{at}是选择题，请至少写两个选项（用分号隔开）。");
                else if (options.Distinct().Count() != options.Count)
                    errors.Add($"{at}有重复的选项。");
                else if (options.Count > 9)
                    errors.Add($"{at}最多 9 个选项（记录时用数字键 1–9 选择）。");
            }
            if (PathwayPresets.Vocabulary.TryGetValue(key, out var shared) && shared.Kind != q.Kind)
                errors.Add($"{at}的编码“{key}”是共享问题词表中的问题，答案类型要和词表一致（{KindName(shared.Kind)}），这样它的结果才能和 AI 外呼、问卷的结果一起比较和触发异常。");
        }
        for (var i = 0; i < input.Triggers.Count; i++)
            CheckTrigger(input, input.Triggers[i], $"第 {i + 1} 条异常规则", errors);
        return errors;
    }

    private static void CheckTrigger(ManualTemplateInput input, Pathways.Editing.TriggerInput t, string at, List<string> errors)
    {
        var q = input.Questions.FirstOrDefault(x => x.Key?.Trim() == t.QuestionKey?.Trim());
        if (q is null)
        {
            errors.Add($"{at}引用的问题“{t.QuestionKey}”不在本模板中，请选择模板里的问题。");
            return;
        }
        if (string.IsNullOrWhiteSpace(t.Value))
            errors.Add($"{at}还没有填写比较的值。");
        else if (t.Operator is TriggerOperator.Greater or TriggerOperator.GreaterOrEqual or TriggerOperator.Less or TriggerOperator.LessOrEqual
            && !double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            errors.Add($"{at}是大小比较，值要是数字。");
        else if (q.Kind == AnswerKind.Choice && t.Operator is TriggerOperator.Equals or TriggerOperator.NotEquals
            && !ManualTemplateInput.Options(q.Choices).Contains(t.Value.Trim()))
            errors.Add($"{at}的值“{t.Value}”不是该问题的选项之一。");
        if (string.IsNullOrWhiteSpace(t.Description))
            errors.Add($"{at}还没有写说明（护士在待办里看到的文字）。");
    }

    public static string KindName(AnswerKind kind) => kind switch
    {
        AnswerKind.YesNo => "是/否",
        AnswerKind.Number => "数字",
        AnswerKind.Choice => "单选",
        AnswerKind.Date => "日期",
        AnswerKind.Score => "0–10 分",
        _ => "文字",
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex KeyPattern();
}
