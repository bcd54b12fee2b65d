using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Core.Pathways;

namespace Suifang.Core.Questionnaires.Editing;

/// 计分与异常提醒的检查: scored items, reverse items, bands that cover every possible total, sub-scores, and alert rules a
/// nurse can act on. Each problem says what is wrong and how to fix it, in Chinese.
public static partial class ScoringChecker
{
    public static void Check(QuestionnaireContent content, List<string> problems)
    {
        var numbered = content.Questions.Select((q, i) => (q, n: i + 1)).ToList();
        foreach (var (q, n) in numbered.Where(x => x.q.Reverse))
        {
            if (q.Type is QuestionType.Text or QuestionType.Date)
                problems.Add($"第 {n} 题是{(q.Type == QuestionType.Text ? "填空" : "日期")}题，不能反向计分：请取消“反向计分”。");
            else if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Options.All(o => o.Score is null))
                problems.Add($"第 {n} 题设为反向计分，但选项没有分数：请在选项后写“=分数”（如“从不=0”），或取消“反向计分”。");
            else if (q.Type == QuestionType.Number && (q.Min is null || q.Max is null))
                problems.Add($"第 {n} 题设为反向计分，需要填写最小值和最大值（反向分 = 最小值 + 最大值 − 所填的数）。");
        }
        if (content.Scoring is { } rule)
            CheckScoring(content, rule, problems);
        CheckAlerts(content, problems);
    }

    private static void CheckScoring(QuestionnaireContent content, ScoringRule rule, List<string> problems)
    {
        var items = QuestionnaireScoring.ItemsOf(content, rule.Items).ToList();
        if (items.Count == 0)
            problems.Add("已打开计分，但没有一道题有分数：请在选项后写“=分数”（如“几乎每天=3”），或使用评分题；不需要计分请关闭“计分”。");
        foreach (var band in rule.Bands.Where(b => string.IsNullOrWhiteSpace(b.Label)))
            problems.Add($"分数 {F(band.Min)}–{F(band.Max)} 的风险分级还没有名称：请填写，例如“中度”。");
        if (rule.Bands.Count > 0 && QuestionnaireScoring.Range(items, rule.Multiplier) is { } range)
            CheckCoverage("总分", range, rule.Bands, problems);
        var subKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sub in rule.SubScores)
        {
            var name = string.IsNullOrWhiteSpace(sub.Label) ? sub.Key : sub.Label;
            if (!SubKey().IsMatch(sub.Key))
                problems.Add($"分量表“{name}”的编码无效：请用小写字母、数字和下划线，以字母开头（如 sleep）。");
            else if (!subKeys.Add(sub.Key))
                problems.Add($"分量表编码“{sub.Key}”重复了：每个分量表的编码必须不同。");
            if (string.IsNullOrWhiteSpace(sub.Label))
                problems.Add($"分量表“{sub.Key}”还没有名称：请填写，例如“睡眠”。");
            if (sub.Items.Count == 0)
                problems.Add($"分量表“{name}”还没有选题目：请选择计入它的题目。");
            foreach (var k in sub.Items.Where(k => content.Question(k) is not { } q || !QuestionnaireScoring.IsScored(q) && q.Type != QuestionType.Number))
                problems.Add($"分量表“{name}”的题目“{k}”不存在或没有分数：请从分量表中移除，或给它的选项加上分数。");
            if (sub.Bands.Count > 0 && QuestionnaireScoring.Range(QuestionnaireScoring.ItemsOf(content, sub.Items)) is { } subRange)
                CheckCoverage($"分量表“{name}”", subRange, sub.Bands, problems);
        }
    }

    /// Every whole score the items can give falls in a band (no total left without a risk level).
    private static void CheckCoverage(string what, (double Min, double Max) range, List<ScoreBand> bands, List<string> problems)
    {
        var ordered = bands.OrderBy(b => b.Min).ToList();
        if (ordered[0].Min > range.Min)
            problems.Add($"{what}最低可能是 {F(range.Min)} 分，但风险分级从 {F(ordered[0].Min)} 分开始：请把第一档的下限改为 {F(range.Min)}。");
        if (ordered[^1].Max < range.Max)
            problems.Add($"{what}最高可能是 {F(range.Max)} 分，但风险分级只到 {F(ordered[^1].Max)} 分：请把最后一档的上限改为 {F(range.Max)}。");
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Min - ordered[i - 1].Max > 1)
                problems.Add($"{what}在 {F(ordered[i - 1].Max)} 分和 {F(ordered[i].Min)} 分之间的分数不属于任何风险分级：请调整“{ordered[i - 1].Label}”或“{ordered[i].Label}”的范围，让它们首尾相接。");
        }
    }

    private static void CheckAlerts(QuestionnaireContent content, List<string> problems)
    {
        for (var i = 0; i < content.Alerts.Count; i++)
        {
            var a = content.Alerts[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(a.Description))
                problems.Add($"第 {n} 条异常提醒还没有写说明：请写一句护士能看懂、知道该做什么的话，例如“总分≥10 分，请今天电话回访”。");
            if (string.IsNullOrWhiteSpace(a.Value))
            {
                problems.Add($"第 {n} 条异常提醒还没有填比较的值：请填写，例如“是”或“10”。");
                continue;
            }
            var numeric = a.Operator is TriggerOperator.GreaterOrEqual or TriggerOperator.LessOrEqual or TriggerOperator.Greater or TriggerOperator.Less;
            if (a.QuestionKey == QuestionnaireScoring.TotalKey || a.QuestionKey.StartsWith(QuestionnaireScoring.SubPrefix, StringComparison.Ordinal))
            {
                if (content.Scoring is null)
                    problems.Add($"第 {n} 条异常提醒按得分判断，但问卷没有打开计分：请打开“计分”，或改成按某道题的答案判断。");
                else if (a.QuestionKey != QuestionnaireScoring.TotalKey
                    && content.Scoring.SubScores.All(s => QuestionnaireScoring.SubPrefix + s.Key != a.QuestionKey))
                    problems.Add($"第 {n} 条异常提醒用的分量表不存在：请重新选择。");
                if (!IsNumber(a.Value))
                    problems.Add($"第 {n} 条异常提醒比较的是得分，值请填数字，例如 10。");
                continue;
            }
            if (content.Question(a.QuestionKey) is not { } q)
                continue; // QuestionnaireChecker names it
            if (numeric && !IsNumber(a.Value))
                problems.Add($"第 {n} 条异常提醒用了“大于/小于”，值请填数字，例如 38.5。");
            else if (numeric && (q.Type == QuestionType.Text
                || q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && !q.Options.All(o => IsNumber(o.Value))))
                problems.Add($"第 {n} 条异常提醒：“{q.Text}”不是数字题，不能比较大小；请改用“等于”或“包含”。");
            else if (!numeric && q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice
                && a.Operator != TriggerOperator.Contains && !q.Options.Any(o => o.Value == a.Value.Trim()))
                problems.Add($"第 {n} 条异常提醒的值“{a.Value}”不是“{q.Text}”的选项：请从选项中选择。");
        }
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string F(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex SubKey();
}
