using MiniExcelLibs;

namespace Suifang.Core.Statistics;

/// The xlsx of a statistics report: the same figures as the page, with the period, the filter and who exported it in a
/// header above the table, and a sheet that explains each measure. Rates are percentages with one decimal (empty when
/// nothing was due).
public static class StatisticsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns =
        ["科室", "医生", "随访方式", "应随访", "已随访", "已联系上", "已完成", "异常", "覆盖率(%)", "联系成功率(%)", "完成率(%)", "异常率(%)"];

    public static string FileName(StatisticsReport report) =>
        $"随访统计-{report.Filter.Period.First:yyyyMMdd}-{report.Filter.Period.Last:yyyyMMdd}.xlsx";

    /// filterText: the filter in words ("科室：全部；随访方式：全部"); exportedBy and at: the header's last line.
    public static void Write(Stream output, StatisticsReport report, string filterText, string exportedBy, DateTime at)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Line("随访统计报表"),
            Line("统计周期", report.Filter.Period.Label),
            Line("筛选条件", filterText),
            Line("导出", $"{exportedBy}，{at:yyyy-MM-dd HH:mm}（医院时间）"),
            Line(),
            Columns.Select((c, i) => (c, i)).ToDictionary(x => Key(x.i), x => (object?)x.c),
        };
        var byStaff = report.Filter.Grouping == StatisticsGrouping.Staff;
        foreach (var r in report.Rows)
            rows.Add(Figures(r.DepartmentName, byStaff ? r.Staff : "", ChannelNames.Of(r.Channel), r.Measures));
        foreach (var (channel, m) in report.ByChannel)
            rows.Add(Figures("合计", "", ChannelNames.Of(channel), m));
        rows.Add(Figures("合计", "", "全部方式", report.Total));

        var explained = Explanations.Select(e => new Dictionary<string, object?> { ["指标"] = e.Name, ["怎么算"] = e.Formula, ["说明"] = e.Meaning }).ToList();
        MiniExcel.SaveAs(output, new Dictionary<string, object> { ["随访统计"] = rows, ["指标说明"] = explained }, printHeader: false);
    }

    /// The measures in plain words, as on the page (5.1.7).
    public static readonly (string Name, string Formula, string Meaning)[] Explanations =
    [
        ("指标", "怎么算", "说明"),
        ("随访覆盖率", "已随访 ÷ 应随访", "应随访：随访时间窗在本周期内开始的随访任务（来自随访计划的步骤），已取消的不算。已随访：至少拨打过、发送过或记录过一次。"),
        ("联系成功率", "已联系上 ÷ 已随访", "已联系上：电话随访完成、短信送达、问卷已提交、人工随访记录为已联系。"),
        ("随访完成率", "已完成 ÷ 应随访", "应随访的任务中最终完成的比例。"),
        ("异常率", "异常 ÷ 已完成", "异常：本周期的随访中，患者的回答触发了路径里的异常规则或危急值（同一次随访多条异常只算一次）。"),
    ];

    private static Dictionary<string, object?> Figures(string department, string? staff, string channel, FollowUpMeasures m) => new()
    {
        [Key(0)] = department, [Key(1)] = staff ?? "", [Key(2)] = channel,
        [Key(3)] = m.Due, [Key(4)] = m.FollowedUp, [Key(5)] = m.Reached, [Key(6)] = m.Completed, [Key(7)] = m.Abnormal,
        [Key(8)] = Pct(m.Coverage), [Key(9)] = Pct(m.Reach), [Key(10)] = Pct(m.Completion), [Key(11)] = Pct(m.AbnormalRate),
    };

    private static Dictionary<string, object?> Line(params string[] cells)
    {
        var line = new Dictionary<string, object?>();
        for (var i = 0; i < Columns.Length; i++)
            line[Key(i)] = i < cells.Length ? cells[i] : null;
        return line;
    }

    private static string Key(int i) => ((char)('A' + i)).ToString();

    private static object? Pct(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
