using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Alerts;

/// 趋势标记 in the patient lists (7.2.5.1 b): for each patient of a page with an uncleared mark, one plain sentence saying
/// what worsened ("收缩压连续升高：130 → 142 → 155 mmHg（近3次随访），请医生评估"), several joined by "；".
public static class TrendMarks
{
    public static async Task<IReadOnlyDictionary<long, string>> DescribeAsync(SuifangDbContext db, IReadOnlyCollection<long> patientIds, CancellationToken ct)
    {
        if (patientIds.Count == 0)
            return new Dictionary<long, string>();
        var marks = await db.PatientAlertMarks.AsNoTracking()
            .Where(m => patientIds.Contains(m.PatientId) && m.ClearedAt == null)
            .Select(m => new { m.PatientId, m.RuleKey, m.Comparison, m.At }).ToListAsync(ct);
        return marks.GroupBy(m => m.PatientId).ToDictionary(g => g.Key,
            g => string.Join("；", g.OrderByDescending(m => m.At).Select(m => Describe(m.RuleKey, m.Comparison)).Distinct()));
    }

    /// The comparison reads "收缩压 130 → 142 → 155 mmHg（近3次随访）"; the rule says which way is worse.
    public static string Describe(string ruleKey, string comparison)
    {
        var rule = TrendDetector.Defaults.FirstOrDefault(r => r.RuleKey == ruleKey);
        if (rule is null || !comparison.StartsWith(rule.Label + " ", StringComparison.Ordinal))
            return $"随访结果连续变差：{comparison}，请医生评估";
        var verb = rule.Worse == WorseDirection.Rising ? "连续升高" : "连续下降";
        return $"{rule.Label}{verb}：{comparison[(rule.Label.Length + 1)..]}，请医生评估";
    }
}
