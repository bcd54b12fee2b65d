using System.Globalization;
using Suifang.Core.Pathways;

namespace Suifang.Core.ManualFollowUp;

/// An answer as stored (the value the triggers and the AI's memory read) and as shown ("是", "偶尔漏服", "7 分").
public sealed record NormalizedAnswer(string Value, string Display);

/// Turns what the nurse picked or typed into the normalised value of the shared vocabulary: "yes"/"no"/"uncertain",
/// numbers in invariant form, a choice exactly as listed, dates yyyy-MM-dd. Errors say what to correct.
public static class ManualAnswers
{
    public static IReadOnlyList<string> Options(NodeQuestion q) => q.Kind switch
    {
        AnswerKind.YesNo => ["是", "否", "不确定"],
        AnswerKind.Choice => (q.Choices ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        AnswerKind.Score => Enumerable.Range(0, 11).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
        _ => [],
    };

    public static (NormalizedAnswer? Answer, string? Error) Normalize(NodeQuestion q, string raw)
    {
        var v = raw.Trim();
        switch (q.Kind)
        {
            case AnswerKind.YesNo:
                var yn = Calls.Triggers.TriggerEvaluator.Normalize(v);
                return yn is "yes" or "no" or "uncertain"
                    ? (new(yn, yn switch { "yes" => "是", "no" => "否", _ => "不确定" }), null)
                    : (null, $"“{q.Text}”请选择 是 / 否 / 不确定。");
            case AnswerKind.Choice:
                var options = Options(q);
                var hit = options.FirstOrDefault(o => o == v);
                return hit is not null ? (new(hit, hit), null) : (null, $"“{q.Text}”请从选项中选择：{string.Join("、", options)}。");
            case AnswerKind.Number:
                return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? (new(n.ToString(CultureInfo.InvariantCulture), $"{n.ToString(CultureInfo.InvariantCulture)} {q.Unit}".Trim()), null)
                    : (null, $"“{q.Text}”请填写数字，例如 38.5。");
            case AnswerKind.Score:
                return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 10
                    ? (new(s.ToString(CultureInfo.InvariantCulture), $"{s} 分"), null)
                    : (null, $"“{q.Text}”请填写 0 到 10 的整数。");
            case AnswerKind.Date:
                return DateOnly.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? (new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null)
                    : (null, $"“{q.Text}”请填写日期，例如 2026-12-01。");
            default:
                return v.Length <= 500 ? (new(v, v), null) : (null, $"“{q.Text}”最多 500 字。");
        }
    }
}
