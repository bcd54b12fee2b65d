using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

/// A share with its 95 % Wilson interval (sound for small samples and for shares near 0 or 1).
public sealed record Rate(int Hits, int Total)
{
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    public (double Low, double High)? Interval95
    {
        get
        {
            if (Total == 0)
                return null;
            const double z = 1.959963984540054;
            double n = Total, p = (double)Hits / Total;
            var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }
}

/// One item that went wrong most: a question understood wrongly, or a check failed.
public sealed record WorstItem(string Kind, string Item, Rate Rate);

public sealed record ReportRow(int DepartmentId, string ScriptKey, int ScriptVersion, int Sampled, int Reviewed,
    Rate CallsPassingChecks, IReadOnlyDictionary<CheckRule, Rate> Checks, Rate Understanding, IReadOnlyList<WorstItem> Worst);

public sealed record QualityReportResult(DateTime From, DateTime To, IReadOnlyList<ReportRow> Rows, Rate Understanding, Rate CallsPassingChecks);

/// 质检报告 (7.2.5.2): per department, script and version over a period of call end times — the share of calls passing
/// every automatic check and of each rule, the understanding accuracy from the reviews (correct / reviewed, 95 %
/// interval), and the worst items. A finding the reviewer dismissed counts as passed; one not reviewed counts as found.
public static class QualityReport
{
    public static async Task<QualityReportResult> BuildAsync(SuifangDbContext db, StaffScope scope, DateTime from, DateTime to,
        int? departmentId, string? scriptKey, CancellationToken ct)
    {
        var samples = db.QualitySamples.AsNoTracking().VisibleTo(scope).Where(s => s.CallEndedAt >= from && s.CallEndedAt < to);
        if (departmentId is { } d)
            samples = samples.Where(s => s.DepartmentId == d);
        if (!string.IsNullOrWhiteSpace(scriptKey))
            samples = samples.Where(s => s.ScriptKey == scriptKey);
        var rows = await samples.Select(s => new { s.Id, s.DepartmentId, s.ScriptKey, s.ScriptVersion, s.Review }).ToListAsync(ct);
        var findings = await db.QualityFindings.AsNoTracking().Where(f => samples.Any(s => s.Id == f.SampleId))
            .Select(f => new { f.SampleId, f.Rule, f.Item, Passed = f.Passed || f.Verdict == FindingVerdict.Dismissed }).ToListAsync(ct);
        var answers = await db.AnswerReviews.AsNoTracking().Where(a => samples.Any(s => s.Id == a.SampleId))
            .Select(a => new { a.SampleId, a.QuestionKey, a.Correct }).ToListAsync(ct);
        var findingsOf = findings.ToLookup(f => f.SampleId);
        var answersOf = answers.ToLookup(a => a.SampleId);

        var report = rows.GroupBy(r => (r.DepartmentId, r.ScriptKey, r.ScriptVersion)).Select(g =>
        {
            var f = g.SelectMany(s => findingsOf[s.Id]).ToList();
            var a = g.SelectMany(s => answersOf[s.Id]).ToList();
            var passing = g.Count(s => findingsOf[s.Id].All(x => x.Passed));
            var checks = f.GroupBy(x => x.Rule).OrderBy(x => x.Key).ToDictionary(x => x.Key, x => new Rate(x.Count(y => y.Passed), x.Count()));
            var worst = a.GroupBy(x => x.QuestionKey).Select(x => new WorstItem("理解", x.Key, new Rate(x.Count(y => y.Correct), x.Count())))
                .Concat(f.Where(x => x.Rule is CheckRule.RequiredQuestion or CheckRule.Forbidden).GroupBy(x => (x.Rule, x.Item))
                    .Select(x => new WorstItem(x.Key.Rule == CheckRule.Forbidden ? "禁止内容" : "必问问题", x.Key.Item, new Rate(x.Count(y => y.Passed), x.Count()))))
                .Concat(f.Where(x => x.Rule is CheckRule.Identity or CheckRule.AiDisclosure).GroupBy(x => x.Rule)
                    .Select(x => new WorstItem(x.Key == CheckRule.Identity ? "身份确认" : "AI 身份告知", "", new Rate(x.Count(y => y.Passed), x.Count()))))
                .Where(w => w.Rate.Hits < w.Rate.Total)
                .OrderBy(w => w.Rate.Value).ThenByDescending(w => w.Rate.Total).Take(5).ToList();
            return new ReportRow(g.Key.DepartmentId, g.Key.ScriptKey, g.Key.ScriptVersion, g.Count(), g.Count(s => s.Review == ReviewState.Reviewed),
                new Rate(passing, g.Count()), checks, new Rate(a.Count(x => x.Correct), a.Count), worst);
        }).OrderBy(r => r.DepartmentId).ThenBy(r => r.ScriptKey).ThenBy(r => r.ScriptVersion).ToList();

        return new QualityReportResult(from, to, report,
            new Rate(answers.Count(x => x.Correct), answers.Count),
            new Rate(report.Sum(r => r.CallsPassingChecks.Hits), report.Sum(r => r.Sampled)));
    }
}
