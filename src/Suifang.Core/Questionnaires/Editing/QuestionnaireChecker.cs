using System.Text.RegularExpressions;

namespace Suifang.Core.Questionnaires.Editing;

/// 发布前检查: what must hold before a questionnaire is published. Each problem is a Chinese sentence that says what is
/// wrong and how to fix it.
public static partial class QuestionnaireChecker
{
    public static IReadOnlyList<string> Check(string title, QuestionnaireContent content)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title))
            problems.Add("请填写问卷名称。");
        if (content.Questions.Count == 0)
            problems.Add("问卷还没有题目：请至少添加一道题。");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Questions.Count; i++)
        {
            var q = content.Questions[i];
            var n = i + 1;
            if (!KeyPattern().IsMatch(q.Key))
                problems.Add($"第 {n} 题的编码“{q.Key}”无效：请用小写字母、数字和下划线，以字母开头（如 pain_score）。");
            else if (!keys.Add(q.Key))
                problems.Add($"第 {n} 题的编码“{q.Key}”与前面的题目重复：每道题的编码必须不同。");
            if (string.IsNullOrWhiteSpace(q.Text))
                problems.Add($"第 {n} 题还没有题目文字。");
            if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                if (q.Options.Count < 2)
                    problems.Add($"第 {n} 题是选择题，请至少填写两个选项。");
                if (q.Options.Select(o => o.Value).Distinct().Count() != q.Options.Count)
                    problems.Add($"第 {n} 题有重复的选项，请修改。");
                if (q.Options.Any(o => string.IsNullOrWhiteSpace(o.Label) || o.Value.Contains(';')))
                    problems.Add($"第 {n} 题有空白选项或选项中含有分号，请修改。");
            }
            if (q.Type == QuestionType.Number && q.Min is { } min && q.Max is { } max && min > max)
                problems.Add($"第 {n} 题的最小值大于最大值，请对调。");
        }
        var order = content.Questions.Select(q => q.Key).ToList();
        foreach (var rule in content.Logic)
        {
            var from = order.IndexOf(rule.WhenKey);
            var to = order.IndexOf(rule.TargetKey);
            if (from < 0 || to < 0)
                problems.Add($"逻辑“{rule.WhenKey} → {rule.TargetKey}”引用了不存在的题目，请重新选择。");
            else if (to <= from)
                problems.Add($"逻辑“{rule.WhenKey} → {rule.TargetKey}”只能指向后面的题目：题目按顺序作答，请把目标题移到条件题之后。");
        }
        if (content.Scoring is { } scoring)
        {
            foreach (var item in scoring.Items.Where(k => !keys.Contains(k)))
                problems.Add($"计分题目“{item}”不在问卷中，请从计分规则中移除。");
            var bands = scoring.Bands.OrderBy(b => b.Min).ToList();
            for (var i = 0; i < bands.Count; i++)
            {
                if (bands[i].Min > bands[i].Max)
                    problems.Add($"风险分级“{bands[i].Label}”的下限大于上限，请对调。");
                if (i > 0 && bands[i].Min <= bands[i - 1].Max)
                    problems.Add($"风险分级“{bands[i - 1].Label}”和“{bands[i].Label}”的分数范围重叠，请调整。");
            }
        }
        foreach (var alert in content.Alerts.Where(a => !keys.Contains(a.QuestionKey) && !a.QuestionKey.StartsWith('$')))
            problems.Add($"异常提醒引用的题目“{alert.QuestionKey}”不在问卷中，请修改或删除这条提醒。");
        ScoringChecker.Check(content, problems);
        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
