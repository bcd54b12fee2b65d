using MiniExcelLibs;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// The xlsx files a nurse downloads: the import template, and the rejected rows of an import
/// (which keep the template's columns, so the fixed file can be imported again as it is).
public static class ImportWorkbooks
{
    public const string TemplateFileName = "患者导入模板.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string RowColumn = "原行号";
    private const string ProblemColumn = "有问题的列";
    private const string ReasonColumn = "原因（改正后可删除本列）";

    public static void WriteTemplate(Stream output)
    {
        var examples = new[]
        {
            ImportColumns.All.ToDictionary(c => c.Header, c => (object?)NullIfEmpty(c.Example1)),
            ImportColumns.All.ToDictionary(c => c.Header, c => (object?)NullIfEmpty(c.Example2)),
        };
        var guide = ImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header,
            ["是否必填"] = c.Required ? "必填" : "选填",
            ["怎么填"] = c.Explanation,
            ["示例"] = c.Example1.Length > 0 ? c.Example1 : c.Example2,
        }).Append(new Dictionary<string, object?>
        {
            ["列名"] = "（说明）",
            ["是否必填"] = "",
            ["怎么填"] = "第 1 行是列名，请不要修改；从第 2 行起每行一次就诊。同一位患者的多次就诊可以写在多行。示例的两行请删除后再填写。重复导入同一个文件不会产生重复的患者。",
            ["示例"] = "",
        });
        MiniExcel.SaveAs(output, new Dictionary<string, object> { ["患者"] = examples, ["填写说明"] = guide.ToList() });
    }

    public static void WriteRejectedRows(Stream output, IReadOnlyList<RejectedRow> rows, SensitiveDataProtector protector)
    {
        var lines = rows.Select(r =>
        {
            var values = RejectedRowsJson.UnprotectValues(protector, r.ValuesCipher);
            var line = new Dictionary<string, object?>
            {
                [RowColumn] = r.Row,
                [ProblemColumn] = string.Join("、", r.Errors.Select(e => e.Column).Distinct()),
                [ReasonColumn] = string.Join("\n", r.Errors.Select(e => $"{e.Column}：{e.Reason}")),
            };
            foreach (var c in ImportColumns.All)
                line[c.Header] = values.GetValueOrDefault(c.Header);
            return line;
        });
        MiniExcel.SaveAs(output, lines, sheetName: "未通过的行");
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
