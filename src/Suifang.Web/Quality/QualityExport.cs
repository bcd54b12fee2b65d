using MiniExcelLibs;
using Suifang.Core.Quality;

namespace Suifang.Web.Quality;

/// The quality report as an xlsx workbook (MiniExcel): one row per department, script and version.
internal static class QualityExport
{
    public static byte[] Workbook(QualityReportResult report, IReadOnlyDictionary<int, string> departments)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["科室"] = departments.GetValueOrDefault(r.DepartmentId, r.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["话术"] = r.ScriptKey,
            ["版本"] = r.ScriptVersion,
            ["抽检通话"] = r.Sampled,
            ["已复核"] = r.Reviewed,
            ["自动检查全部通过"] = QualityQueries.Percent(r.CallsPassingChecks),
            ["身份确认通过率"] = Check(r, CheckRule.Identity),
            ["AI身份告知通过率"] = Check(r, CheckRule.AiDisclosure),
            ["必问问题通过率"] = Check(r, CheckRule.RequiredQuestion),
            ["无禁止内容通过率"] = Check(r, CheckRule.Forbidden),
            ["理解正确/复核"] = $"{r.Understanding.Hits}/{r.Understanding.Total}",
            ["理解准确率"] = QualityQueries.Percent(r.Understanding),
            ["95%置信区间"] = QualityQueries.Interval(r.Understanding),
            ["最差项"] = string.Join("；", r.Worst.Select(w => $"{w.Kind} {w.Item} {QualityQueries.Percent(w.Rate)}")),
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: "质检报告");
        return stream.ToArray();
    }

    private static string Check(ReportRow row, CheckRule rule) =>
        row.Checks.TryGetValue(rule, out var rate) ? QualityQueries.Percent(rate) : "—";
}
